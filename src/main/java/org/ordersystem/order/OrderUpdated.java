package org.ordersystem.order;

/** An order's notes or items changed (the status has {@link OrderStatusChanged}). */
public record OrderUpdated(long orderId, long userId) {
}
