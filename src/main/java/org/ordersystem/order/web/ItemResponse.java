package org.ordersystem.order.web;

import java.math.BigDecimal;

import org.ordersystem.order.Order;
import org.ordersystem.order.OrderItem;

/** The Item of the contract, with the order's new total. */
record ItemResponse(long id, long orderId, String name, String sku, int quantity, BigDecimal unitPrice,
        BigDecimal lineTotal, BigDecimal orderTotal) {

    static ItemResponse of(OrderItem item, Order order) {
        return new ItemResponse(item.getId(), order.getId(), item.getName(), item.getSku(), item.getQuantity(),
                item.getUnitPrice(), item.getLineTotal(), order.getTotal());
    }
}
