package org.ordersystem.user;

import java.math.BigDecimal;

/** A user's order figures shown with the user: {@code statistics} in the User body. */
public record OrderSummary(long totalOrders, long pendingOrders, BigDecimal totalSpent) {
}
