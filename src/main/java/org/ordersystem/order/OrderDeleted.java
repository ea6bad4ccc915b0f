package org.ordersystem.order;

/** A PENDING order was deleted. */
public record OrderDeleted(long orderId, long userId) {
}
