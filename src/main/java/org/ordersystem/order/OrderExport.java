package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import org.hibernate.jpa.HibernateHints;
import org.ordersystem.user.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders of a filter, row by row, for a download of any size: one query whose rows
 * PostgreSQL sends in batches through a cursor (a fetch size inside the transaction) and that
 * are handed on as they arrive, never collected; plain values, not entities, so nothing
 * accumulates in the persistence context. Memory stays the same for ten rows or ten million.
 */
@Service
@Transactional(readOnly = true)
public class OrderExport {

    private static final Logger log = LoggerFactory.getLogger(OrderExport.class);
    private static final int FETCH_SIZE = 500;

    private final EntityManager entityManager;

    OrderExport(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One order of an export. */
    public record OrderRow(long id, long userId, OrderStatus status, String currency, int itemCount,
            BigDecimal total, Instant createdAt, Instant updatedAt, String notes) {
    }

    /** One item of an export, with what it needs of its order. */
    public record LineRow(long orderId, long userId, OrderStatus status, String currency, BigDecimal orderTotal,
            Instant createdAt, Instant updatedAt, long itemId, String name, String sku, int quantity,
            BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    /** Each order of the filter the caller may see, in {@code sort} order (ties by id). */
    public void orders(CurrentUser caller, OrderFilter filter, Sort sort, Consumer<OrderRow> rows) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = builder.createTupleQuery();
        Root<org.ordersystem.order.Order> order = query.from(org.ordersystem.order.Order.class);
        query.multiselect(order.get("id"), order.get("userId"), order.get("status"), order.get("currency"),
                builder.size(order.get("items")), order.get("total"), order.get("createdAt"),
                order.get("updatedAt"), order.get("notes"));
        query.where(OrderFilters.visibleTo(caller, filter).toPredicate(order, query, builder));
        query.orderBy(ordering(sort, order, builder));
        stream(query, tuple -> rows.accept(new OrderRow(tuple.get(0, Long.class), tuple.get(1, Long.class),
                tuple.get(2, OrderStatus.class), tuple.get(3, String.class), tuple.get(4, Integer.class),
                tuple.get(5, BigDecimal.class), tuple.get(6, Instant.class), tuple.get(7, Instant.class),
                tuple.get(8, String.class))));
    }

    /** Each item of the orders of the filter the caller may see; orders without items have none. */
    public void lines(CurrentUser caller, OrderFilter filter, Sort sort, Consumer<LineRow> rows) {
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = builder.createTupleQuery();
        Root<org.ordersystem.order.Order> order = query.from(org.ordersystem.order.Order.class);
        Join<org.ordersystem.order.Order, OrderItem> item = order.join("items");
        query.multiselect(order.get("id"), order.get("userId"), order.get("status"), order.get("currency"),
                order.get("total"), order.get("createdAt"), order.get("updatedAt"), item.get("id"),
                item.get("name"), item.get("sku"), item.get("quantity"), item.get("unitPrice"),
                item.get("lineTotal"));
        query.where(OrderFilters.visibleTo(caller, filter).toPredicate(order, query, builder));
        List<Order> ordering = ordering(sort, order, builder);
        ordering.add(builder.asc(item.get("id")));
        query.orderBy(ordering);
        stream(query, tuple -> rows.accept(new LineRow(tuple.get(0, Long.class), tuple.get(1, Long.class),
                tuple.get(2, OrderStatus.class), tuple.get(3, String.class), tuple.get(4, BigDecimal.class),
                tuple.get(5, Instant.class), tuple.get(6, Instant.class), tuple.get(7, Long.class),
                tuple.get(8, String.class), tuple.get(9, String.class), tuple.get(10, Integer.class),
                tuple.get(11, BigDecimal.class), tuple.get(12, BigDecimal.class))));
    }

    private static List<Order> ordering(Sort sort, Root<org.ordersystem.order.Order> order, CriteriaBuilder builder) {
        Sort complete = sort.getOrderFor("id") == null ? sort.and(Sort.by(Sort.Direction.ASC, "id")) : sort;
        return new ArrayList<>(QueryUtils.toOrders(complete, order, builder));
    }

    /**
     * Hands each row on as it arrives. A failure after the first row is not the database's
     * to repeat: the rows already handed on are out (a retry elsewhere, e.g. on the primary
     * after a replica failed, would send them twice), so it ends the export as interrupted.
     */
    private void stream(CriteriaQuery<Tuple> query, Consumer<Tuple> handler) {
        long handed = 0;
        try (Stream<Tuple> tuples = entityManager.createQuery(query).setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()) {
            var iterator = tuples.iterator();
            while (iterator.hasNext()) {
                handler.accept(iterator.next());
                handed++;
            }
        }
        catch (RuntimeException ex) {
            if (handed == 0) {
                throw ex;
            }
            log.warn("An export stopped after {} rows ({})", handed, ex.getClass().getSimpleName());
            throw new ExportInterrupted(handed);
        }
    }

    /** An export that failed part-way: its output is incomplete and must not be taken for whole. */
    public static final class ExportInterrupted extends RuntimeException {

        ExportInterrupted(long rows) {
            super("The export stopped after " + rows + " rows");
        }
    }
}
