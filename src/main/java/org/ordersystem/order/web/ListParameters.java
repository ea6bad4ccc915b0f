package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ordersystem.order.OrderFilter;
import org.ordersystem.order.OrderQuery;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.system.problem.InvalidField;

import org.springframework.data.domain.Sort;

/**
 * What is left to check of the parameters of GET /api/orders and its export once Spring MVC
 * has bound, converted and range-checked them: the filter's own rules ({@link OrderFilter#of}),
 * and a sort that names one of the contract's fields, which becomes the order's property.
 */
final class ListParameters {

    private static final Map<String, String> SORT_FIELDS = Map.of("created_at", "createdAt", "updated_at",
            "updatedAt", "total", "total", "id", "id");

    private ListParameters() {
    }

    static OrderQuery query(OrderFilter filter, int page, int size, Sort sort) {
        return new OrderQuery(filter, page, size, sort(sort));
    }

    static OrderFilter filter(Set<OrderStatus> statuses, OffsetDateTime createdFrom, OffsetDateTime createdTo,
            BigDecimal totalMin, BigDecimal totalMax, String search, Long userId) {
        return OrderFilter.of(statuses, instant(createdFrom), instant(createdTo), totalMin, totalMax, search, userId);
    }

    static Sort sort(Sort requested) {
        List<Sort.Order> orders = requested.toList();
        String property = orders.size() == 1 ? SORT_FIELDS.get(orders.get(0).getProperty()) : null;
        if (property == null) {
            throw new InvalidField("sort", "must be created_at, updated_at, total or id, optionally followed by ,asc or ,desc");
        }
        return Sort.by(orders.get(0).getDirection(), property);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
