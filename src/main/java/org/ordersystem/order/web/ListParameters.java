package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ordersystem.order.OrderFilter;
import org.ordersystem.order.OrderQuery;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.system.problem.InvalidField;

import org.springframework.data.domain.Sort;

/**
 * What is left to check of the parameters of GET /api/orders and its export once Spring MVC
 * has bound, converted and range-checked them: the order of the two dates and of the two
 * totals, search terms free of text-search operators, and a sort that names one of the
 * contract's fields, which becomes the order's property.
 */
final class ListParameters {

    private static final Map<String, String> SORT_FIELDS = Map.of("created_at", "createdAt", "updated_at",
            "updatedAt", "total", "total", "id", "id");

    private ListParameters() {
    }

    static final int MAX_SEARCH_LENGTH = 200;

    /** Search terms are plain words: none of the text-search syntax's operators, no control characters. */
    private static final Pattern SEARCH_OPERATORS = Pattern.compile("[&|!():*<>\\\\\\p{Cntrl}]");

    static OrderQuery query(OrderFilter filter, int page, int size, Sort sort) {
        return new OrderQuery(filter, page, size, sort(sort));
    }

    static OrderFilter filter(Set<OrderStatus> statuses, OffsetDateTime createdFrom, OffsetDateTime createdTo,
            BigDecimal totalMin, BigDecimal totalMax, String search, Long userId) {
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidField("created_from", "must not be after created_to");
        }
        if (totalMin != null && totalMax != null && totalMin.compareTo(totalMax) > 0) {
            throw new InvalidField("total_min", "must not be greater than total_max");
        }
        return new OrderFilter(statuses(statuses), instant(createdFrom), instant(createdTo), totalMin, totalMax,
                search(search), userId);
    }

    /** Blank means no search. */
    private static String search(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (SEARCH_OPERATORS.matcher(search).find()) {
            throw new InvalidField("q", "must be plain words: the characters & | ! ( ) : * < > \\ and control "
                    + "characters are not accepted");
        }
        return search.strip();
    }

    /** None means all; an empty entry ({@code status=PENDING,}) is ignored. */
    private static Set<OrderStatus> statuses(Set<OrderStatus> requested) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (requested != null) {
            requested.stream().filter(Objects::nonNull).forEach(statuses::add);
        }
        return statuses;
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
