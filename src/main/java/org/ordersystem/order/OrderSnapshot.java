package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ordersystem.system.cache.Versioned;

/**
 * An order as read: what the single-order responses are made of, and what the order
 * cache holds (as JSON in Redis). {@code deleted} marks a tombstone, so a read that
 * raced a delete cannot bring the order back into the cache.
 */
public record OrderSnapshot(long id, long userId, OrderStatus status, String currency, List<Line> items,
        BigDecimal total, String notes, Instant createdAt, Instant updatedAt, long version, boolean deleted)
        implements Versioned {

    public record Line(long id, String name, String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    static OrderSnapshot of(Order order) {
        List<Line> lines = order.getItems().stream().map(item -> new Line(item.getId(), item.getName(), item.getSku(),
                item.getQuantity(), item.getUnitPrice(), item.getLineTotal())).toList();
        return new OrderSnapshot(order.getId(), order.getUserId(), order.getStatus(), order.getCurrency(), lines,
                order.getTotal(), order.getNotes(), order.getCreatedAt(), order.getUpdatedAt(), order.getVersion(),
                false);
    }

    static OrderSnapshot tombstone(long id) {
        return new OrderSnapshot(id, 0, OrderStatus.CANCELLED, "XXX", List.of(), BigDecimal.ZERO, null, Instant.EPOCH,
                Instant.EPOCH, -1, true);
    }

    /** What the caller may do next: the lifecycle's successors, admin-only ones for admins. */
    public List<OrderStatus> allowedTransitions(boolean admin) {
        return status.allowedFor(admin, !items.isEmpty());
    }
}
