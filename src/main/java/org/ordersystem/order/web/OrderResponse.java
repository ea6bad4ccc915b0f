package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.user.CurrentUser;

/** The Order of the contract; {@code item_count} is the number of lines. */
record OrderResponse(long id, long userId, String status, String currency, List<Line> items, int itemCount,
        BigDecimal total, String notes, Instant createdAt, Instant updatedAt, long version,
        List<String> allowedTransitions) {

    record Line(long id, long orderId, String name, String sku, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {

        static Line of(OrderSnapshot.Line item, long orderId) {
            return new Line(item.id(), orderId, item.name(), item.sku(), item.quantity(), item.unitPrice(),
                    item.lineTotal());
        }
    }

    static OrderResponse of(OrderSnapshot order, CurrentUser caller) {
        List<Line> lines = order.items().stream().map(item -> Line.of(item, order.id())).toList();
        return new OrderResponse(order.id(), order.userId(), order.status().name(), order.currency(), lines,
                lines.size(), order.total(), order.notes(), order.createdAt(), order.updatedAt(), order.version(),
                order.allowedTransitions(caller.admin()).stream().map(Enum::name).toList());
    }
}
