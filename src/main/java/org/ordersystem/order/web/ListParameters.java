package org.ordersystem.order.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.ordersystem.order.OrderQuery;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.system.problem.InvalidField;

import org.springframework.data.domain.Sort;

/**
 * What is left to check of GET /api/orders' parameters once Spring MVC has bound, converted
 * and range-checked them: the order of the two dates, and that the sort names one of the
 * contract's fields, which becomes the order's property.
 */
final class ListParameters {

    private static final Map<String, String> SORT_FIELDS = Map.of("created_at", "createdAt", "updated_at",
            "updatedAt", "total", "total", "id", "id");

    private ListParameters() {
    }

    static OrderQuery query(Set<OrderStatus> statuses, OffsetDateTime createdFrom, OffsetDateTime createdTo,
            Long userId, int page, int size, Sort sort) {
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidField("created_from", "must not be after created_to");
        }
        return new OrderQuery(statuses(statuses), instant(createdFrom), instant(createdTo), userId, page, size,
                sort(sort));
    }

    /** None means all; an empty entry ({@code status=PENDING,}) is ignored. */
    private static Set<OrderStatus> statuses(Set<OrderStatus> requested) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (requested != null) {
            requested.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return statuses;
    }

    private static Sort sort(Sort requested) {
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
