package org.ordersystem.order;

import java.util.List;

/** What a caller asks for when placing an order; {@code userId} is honoured for admins only. */
public record PlaceOrder(List<ItemDetails> items, String notes, String currency, Long userId) {
}
