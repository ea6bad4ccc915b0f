package org.ordersystem.order;

import java.math.BigDecimal;

/** An order moved from one status to another. */
public record OrderStatusChanged(long orderId, long userId, OrderStatus from, OrderStatus to, long changedBy,
        String reason, BigDecimal total) {
}
