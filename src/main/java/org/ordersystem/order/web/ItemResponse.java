package org.ordersystem.order.web;

import java.math.BigDecimal;

import org.ordersystem.order.OrderService;

/** The Item of the contract, with the order's new total. */
record ItemResponse(long id, long orderId, String name, String sku, int quantity, BigDecimal unitPrice,
        BigDecimal lineTotal, BigDecimal orderTotal) {

    static ItemResponse of(OrderService.ItemChange change) {
        var item = change.item();
        return new ItemResponse(item.id(), change.order().id(), item.name(), item.sku(), item.quantity(),
                item.unitPrice(), item.lineTotal(), change.order().total());
    }
}
