package org.ordersystem.notification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderSnapshot;

/** The order as the e-mail shows it: currency, total and lines, as the order module reads them now. */
class OrderContents {

    record Line(String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    record Contents(String currency, BigDecimal total, List<Line> lines) {
    }

    private final OrderService orders;

    OrderContents(OrderService orders) {
        this.orders = orders;
    }

    /** Empty when the order no longer exists (a PENDING order may be deleted). */
    Optional<Contents> of(long orderId) {
        return orders.find(orderId).map(OrderContents::contents);
    }

    private static Contents contents(OrderSnapshot order) {
        return new Contents(order.currency(), order.total(), order.items().stream()
                .map(item -> new Line(item.name(), item.quantity(), item.unitPrice(), item.lineTotal())).toList());
    }
}
