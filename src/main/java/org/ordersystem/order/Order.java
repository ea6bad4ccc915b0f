package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The order aggregate: it owns its items, keeps {@code total} equal to the sum of the
 * lines, and changes status only through guarded verbs that record a history entry and
 * an event. The service stores the history; the repository publishes the events when the
 * order is saved, in the same transaction.
 */
@Entity
@Table(name = "pedidos")
public class Order extends AbstractAggregateRoot<Order> {

    static final int MAX_ITEMS = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pedidos_seq")
    @SequenceGenerator(name = "pedidos_seq", sequenceName = "pedidos_seq", allocationSize = 50)
    private Long id;

    @Column(name = "usuario", nullable = false, updatable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private OrderStatus status;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "moeda", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "total", nullable = false)
    private BigDecimal total = BigDecimal.ZERO.setScale(2);

    @Column(name = "observacoes")
    private String notes;

    /** The items' names and SKUs, kept on the order row for its search index (migration V4). */
    @Column(name = "nomes_itens", nullable = false)
    private String itemNames = "";

    @Column(name = "skus_itens", nullable = false)
    private String itemSkus = "";

    @Column(name = "data_criacao", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "data_atualizacao", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "versao", nullable = false)
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    /** History rows recorded since the order was loaded, stored by the service with the change. */
    @Transient
    private final List<StatusChange> recordedHistory = new ArrayList<>();

    protected Order() {
    }

    /** A new PENDING order of {@code userId}, placed by {@code placedBy} (the user or an admin). */
    Order(long userId, String currency, String notes, List<ItemDetails> items, long placedBy, Instant now) {
        if (items.size() > MAX_ITEMS) {
            throw new ItemLimitReached();
        }
        this.userId = userId;
        this.currency = currency;
        this.notes = notes;
        this.status = OrderStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        items.forEach(details -> this.items.add(new OrderItem(this, details)));
        summarizeItems();
        recordedHistory.add(new StatusChange(this, null, OrderStatus.PENDING, placedBy, now, null));
    }

    /** Records the placement event once the id is known. */
    void placed() {
        registerEvent(new OrderPlaced(id, userId, total, currency));
    }

    OrderItem addItem(ItemDetails details, Instant now) {
        requireItemsModifiable("add items to");
        if (items.size() >= MAX_ITEMS) {
            throw new ItemLimitReached();
        }
        OrderItem item = new OrderItem(this, details);
        items.add(item);
        touched(now);
        return item;
    }

    OrderItem changeItem(long itemId, ItemDetails details, Instant now) {
        requireItemsModifiable("change items of");
        OrderItem item = item(itemId);
        item.apply(details);
        touched(now);
        return item;
    }

    void removeItem(long itemId, Instant now) {
        requireItemsModifiable("remove items from");
        items.remove(item(itemId));
        touched(now);
    }

    void changeNotes(String newNotes, Instant now) {
        if (!status.notesModifiable()) {
            throw new OrderNotModifiable(status, "change the notes of");
        }
        this.notes = newNotes;
        touched(now);
    }

    void confirm(long by, String reason, Instant now) {
        if (status == OrderStatus.PENDING && items.isEmpty()) {
            throw new OrderEmpty();
        }
        moveTo(OrderStatus.CONFIRMED, by, reason, now);
    }

    void ship(long by, String reason, Instant now) {
        moveTo(OrderStatus.SHIPPED, by, reason, now);
    }

    void deliver(long by, String reason, Instant now) {
        moveTo(OrderStatus.DELIVERED, by, reason, now);
    }

    void cancel(long by, String reason, Instant now) {
        moveTo(OrderStatus.CANCELLED, by, reason, now);
    }

    /** Deleting is allowed for PENDING orders only; the repository publishes the event when it deletes the order. */
    void delete() {
        requireItemsModifiable("delete");
        registerEvent(new OrderDeleted(id, userId));
    }

    OrderItem item(long itemId) {
        return items.stream().filter(item -> Objects.equals(item.getId(), itemId)).findFirst()
                .orElseThrow(() -> new ItemNotFound(itemId));
    }

    private void moveTo(OrderStatus target, long by, String reason, Instant now) {
        if (!status.successors().contains(target)) {
            throw new InvalidStatusTransition(status, target, status.successors().stream().sorted().toList());
        }
        OrderStatus from = status;
        status = target;
        recordedHistory.add(new StatusChange(this, from, target, by, now, reason));
        updatedAt = now;
        registerEvent(new OrderStatusChanged(id, userId, from, target, by, reason, total));
    }

    private void requireItemsModifiable(String what) {
        if (!status.itemsModifiable()) {
            throw new OrderNotModifiable(status, what);
        }
    }

    /** Notes or items changed. */
    private void touched(Instant now) {
        summarizeItems();
        updatedAt = now;
        registerEvent(new OrderUpdated(id, userId));
    }

    /** What the order row holds about its items: their total, names and SKUs. */
    private void summarizeItems() {
        total = items.stream().map(OrderItem::getLineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        itemNames = items.stream().map(OrderItem::getName).collect(Collectors.joining(" "));
        itemSkus = items.stream().map(OrderItem::getSku).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** The history rows recorded since the last call, for the service to store. */
    List<StatusChange> pullHistory() {
        List<StatusChange> recorded = List.copyOf(recordedHistory);
        recordedHistory.clear();
        return recorded;
    }

    /** What the caller may do next: the lifecycle's successors, admin-only ones for admins. */
    public List<OrderStatus> allowedTransitions(boolean admin) {
        return status.allowedFor(admin, !items.isEmpty());
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<OrderItem> getItems() {
        return Collections.unmodifiableList(items);
    }
}
