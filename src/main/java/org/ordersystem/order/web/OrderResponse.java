package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ordersystem.order.Order;
import org.ordersystem.order.OrderItem;
import org.ordersystem.user.CurrentUser;

/** The Order of the contract; {@code item_count} is the number of lines. */
record OrderResponse(long id, long userId, String status, String currency, List<Line> items, int itemCount,
        BigDecimal total, String notes, Instant createdAt, Instant updatedAt, long version,
        List<String> allowedTransitions) {

    record Line(long id, long orderId, String name, String sku, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {

        static Line of(OrderItem item, long orderId) {
            return new Line(item.getId(), orderId, item.getName(), item.getSku(), item.getQuantity(),
                    item.getUnitPrice(), item.getLineTotal());
        }
    }

    static OrderResponse of(Order order, CurrentUser caller) {
        List<Line> lines = order.getItems().stream().map(item -> Line.of(item, order.getId())).toList();
        return new OrderResponse(order.getId(), order.getUserId(), order.getStatus().name(), order.getCurrency(), lines,
                lines.size(), order.getTotal(), order.getNotes(), order.getCreatedAt(), order.getUpdatedAt(),
                order.getVersion(), order.allowedTransitions(caller.admin()).stream().map(Enum::name).toList());
    }
}
