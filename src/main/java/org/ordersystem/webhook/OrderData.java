package org.ordersystem.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ordersystem.order.OrderSnapshot;

/**
 * The {@code data} of an order event: the Order of the contract, as the API shows it to an
 * administrator (receivers act for the business, so {@code allowed_transitions} are an
 * administrator's), as it was when the change committed.
 */
record OrderData(long id, long userId, String status, String currency, List<Line> items, int itemCount,
        BigDecimal total, String notes, Instant createdAt, Instant updatedAt, long version,
        List<String> allowedTransitions) {

    record Line(long id, long orderId, String name, String sku, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {
    }

    static OrderData of(OrderSnapshot order) {
        List<Line> lines = order.items().stream().map(item -> new Line(item.id(), order.id(), item.name(), item.sku(),
                item.quantity(), item.unitPrice(), item.lineTotal())).toList();
        return new OrderData(order.id(), order.userId(), order.status().name(), order.currency(), lines, lines.size(),
                order.total(), order.notes(), order.createdAt(), order.updatedAt(), order.version(),
                order.allowedTransitions(true).stream().map(Enum::name).toList());
    }
}
