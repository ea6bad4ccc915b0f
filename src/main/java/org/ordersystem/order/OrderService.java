package org.ordersystem.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ordersystem.system.data.PrimaryReads;
import org.ordersystem.system.problem.InsufficientPermissions;
import org.ordersystem.user.CurrentUser;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the order aggregate. Every write locks the order row first, so concurrent
 * writers of one order queue instead of losing updates; {@code expectedVersion} (from
 * If-Match) is compared under that lock.
 */
@Service
@Transactional
public class OrderService {

    private final OrderRepository orders;
    private final StatusChangeRepository history;
    private final OrderCache cache;
    private final OrderListing listing;
    private final OrderCounts counts;
    private final OrderStatistics statistics;
    private final PrimaryReads onPrimary;
    private final Clock clock;
    private final String defaultCurrency;

    OrderService(OrderRepository orders, StatusChangeRepository history, OrderCache cache, OrderListing listing,
            OrderCounts counts, OrderStatistics statistics, Clock clock, OrderProperties properties,
            PrimaryReads onPrimary) {
        this.orders = orders;
        this.onPrimary = onPrimary;
        this.history = history;
        this.cache = cache;
        this.listing = listing;
        this.counts = counts;
        this.statistics = statistics;
        this.clock = clock;
        this.defaultCurrency = properties.defaultCurrency();
    }

    /** An item change: the item as it now is, and its order. */
    public record ItemChange(OrderSnapshot order, OrderSnapshot.Line item) {
    }

    public OrderSnapshot place(CurrentUser caller, PlaceOrder command) {
        if (command.userId() != null && !caller.admin()) {
            throw new InsufficientPermissions("Only an administrator may place an order for another user.");
        }
        long owner = command.userId() != null ? command.userId() : caller.id();
        String currency = command.currency() != null ? command.currency() : defaultCurrency;
        Order order = new Order(owner, currency, command.notes(), command.items(), caller.id(), now());
        try {
            // persisting gives the order its id, which OrderPlaced carries
            orders.save(order);
            order.placed();
            OrderSnapshot placed = saved(order);
            cache.placedAfterCommit(placed);
            counts.changedAfterCommit(owner);
            statistics.changedAfterCommit(caller, owner);
            return placed;
        }
        catch (DataIntegrityViolationException ex) {
            if (String.valueOf(ex.getMessage()).contains("pedidos_usuario_fkey")) {
                throw new UserNotFound(owner);
            }
            throw ex;
        }
    }

    /**
     * From the cache when it has the order; no transaction, so a hit takes no connection. A miss
     * reads the primary (a read-write transaction): what it loads goes into the cache every
     * caller reads, so never a read replica's older copy.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public OrderSnapshot get(CurrentUser caller, long orderId) {
        OrderSnapshot snapshot = cache.get(orderId, id -> onPrimary.read(() -> OrderSnapshot.of(
                orders.findWithItems(id).orElseThrow(() -> new OrderNotFound(id)))));
        if (snapshot.deleted() || (!caller.admin() && snapshot.userId() != caller.id())) {
            throw new OrderNotFound(orderId);
        }
        return snapshot;
    }

    /**
     * The order as it is now, for work the system does on nobody's behalf (the e-mail about a
     * change); no caller, so no access check: never answer a request with it. Empty once the
     * order is deleted. Read in one statement from the database, not the cache, and in a
     * read-write transaction on purpose, so that it is never older than the change whose event
     * asked for it (read-only transactions may be served by a replica).
     */
    public Optional<OrderSnapshot> find(long orderId) {
        return orders.findWithItems(orderId).map(OrderSnapshot::of);
    }

    /**
     * A page of orders, read in a read-only transaction (see {@link OrderListing}). Its total is
     * needed unless the page itself shows it (a first page that is not full, a last page); the
     * total of all of one owner's orders comes from {@link OrderCounts}, after the page's
     * transaction, and every other total is counted in it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Page<OrderSnapshot> list(CurrentUser caller, OrderQuery query) {
        Sort sort = query.sort();
        if (sort.getOrderFor("id") == null) {
            sort = sort.and(Sort.by(Sort.Direction.ASC, "id"));
        }
        Specification<Order> visible = OrderFilters.visibleTo(caller, query.filter());
        PageRequest page = PageRequest.of(query.page(), query.size(), sort);
        Long owner = OrderFilters.soleOwner(caller, query.filter());
        if (owner == null) {
            return listing.counted(visible, page);
        }
        List<OrderSnapshot> content = listing.content(visible, page);
        return PageableExecutionUtils.getPage(content, page, () -> counts.of(owner));
    }

    public OrderSnapshot changeNotes(CurrentUser caller, long orderId, Long expectedVersion, String notes) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        order.changeNotes(notes, now());
        return written(caller, order);
    }

    public OrderSnapshot changeStatus(CurrentUser caller, long orderId, Long expectedVersion, OrderStatus target,
            String reason) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        if (OrderStatus.adminOnly(target) && !caller.admin() && order.getStatus().successors().contains(target)) {
            throw new InsufficientPermissions("Only an administrator may mark an order " + target + ".");
        }
        Instant now = now();
        switch (target) {
            case CONFIRMED -> order.confirm(caller.id(), reason, now);
            case SHIPPED -> order.ship(caller.id(), reason, now);
            case DELIVERED -> order.deliver(caller.id(), reason, now);
            case CANCELLED -> order.cancel(caller.id(), reason, now);
            case PENDING -> throw new InvalidStatusTransition(order.getStatus(), target,
                    order.allowedTransitions(caller.admin()));
        }
        return written(caller, order);
    }

    public void delete(CurrentUser caller, long orderId, Long expectedVersion) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        order.delete();
        orders.delete(order);
        cache.deletedAfterCommit(orderId);
        counts.changedAfterCommit(order.getUserId());
        statistics.changedAfterCommit(caller, order.getUserId());
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(CurrentUser caller, long orderId) {
        visible(caller, orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId)));
        return history.findByOrderIdOrderByChangedAtAscIdAsc(orderId);
    }

    public ItemChange addItem(CurrentUser caller, long orderId, Long expectedVersion, ItemDetails details) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        OrderItem item = order.addItem(details, now());
        return itemChange(written(caller, order), item);
    }

    public ItemChange changeItem(CurrentUser caller, long orderId, long itemId, Long expectedVersion,
            ItemChanges changes) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        OrderItem current = order.item(itemId);
        ItemDetails details = current.details().with(changes.name(), changes.sku(), changes.quantity(),
                changes.unitPrice());
        OrderItem item = order.changeItem(itemId, details, now());
        return itemChange(written(caller, order), item);
    }

    public OrderSnapshot removeItem(CurrentUser caller, long orderId, long itemId, Long expectedVersion) {
        Order order = lockVisible(caller, orderId, expectedVersion);
        order.removeItem(itemId, now());
        return written(caller, order);
    }

    /** A change of an existing order, saved; the caches are refreshed after commit. */
    private OrderSnapshot written(CurrentUser caller, Order order) {
        OrderSnapshot snapshot = saved(order);
        cache.writtenAfterCommit(snapshot);
        statistics.changedAfterCommit(caller, order.getUserId());
        return snapshot;
    }

    /**
     * Stores the history rows and flushes once, so that new items have their ids and the order
     * its new version; then saves the order, which publishes its events in this transaction.
     * Saving comes after the flush because merging an order whose new items are not yet
     * persistent would put copies of them in its place.
     */
    private OrderSnapshot saved(Order order) {
        history.saveAll(order.pullHistory());
        orders.flush();
        orders.save(order);
        return OrderSnapshot.of(order);
    }

    private static ItemChange itemChange(OrderSnapshot order, OrderItem item) {
        return new ItemChange(order, order.items().stream().filter(line -> line.id() == item.getId()).findFirst()
                .orElseThrow());
    }

    private Order lockVisible(CurrentUser caller, long orderId, Long expectedVersion) {
        Order order = visible(caller, orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFound(orderId)));
        if (expectedVersion != null && expectedVersion != order.getVersion()) {
            throw new PreconditionFailed(order.getVersion());
        }
        return order;
    }

    private static Order visible(CurrentUser caller, Order order) {
        if (!caller.admin() && order.getUserId() != caller.id()) {
            throw new OrderNotFound(order.getId());
        }
        return order;
    }

    private Instant now() {
        return clock.instant();
    }
}
