package org.ordersystem.order;

import java.math.BigDecimal;

/** An order was placed (created, PENDING). */
public record OrderPlaced(long orderId, long userId, BigDecimal total, String currency) {
}
