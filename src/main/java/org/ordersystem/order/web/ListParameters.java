package org.ordersystem.order.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ordersystem.order.OrderQuery;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.system.problem.InvalidField;

/** Reads the query parameters of GET /api/orders, refusing bad ones with the parameter's name. */
final class ListParameters {

    private static final Map<String, String> SORT_FIELDS = Map.of("created_at", "createdAt", "updated_at",
            "updatedAt", "total", "total", "id", "id");

    private ListParameters() {
    }

    static OrderQuery read(String status, String createdFrom, String createdTo, String userId, String page,
            String size, String sort) {
        Instant from = instant("created_from", createdFrom);
        Instant to = instant("created_to", createdTo);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidField("created_from", "must not be after created_to");
        }
        String[] sortParts = (sort == null || sort.isBlank() ? "created_at,desc" : sort).split(",", -1);
        String field = SORT_FIELDS.get(sortParts[0].strip());
        if (field == null || sortParts.length > 2) {
            throw new InvalidField("sort", "must be created_at, updated_at, total or id, optionally followed by ,asc or ,desc");
        }
        String direction = sortParts.length == 2 ? sortParts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidField("sort", "direction must be asc or desc");
        }
        Long user = userId == null ? null : (long) number("user_id", userId, 1, Long.MAX_VALUE);
        return new OrderQuery(statuses(status), from, to, user, (int) number("page", page, 0, 100_000, 0),
                (int) number("size", size, 1, 100, 20), field, direction.equals("asc"));
    }

    private static Set<OrderStatus> statuses(String text) {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String part : text.split(",")) {
            try {
                statuses.add(OrderStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidField("status", "must be a comma-separated list of PENDING, CONFIRMED, SHIPPED, "
                        + "DELIVERED, CANCELLED");
            }
        }
        return statuses;
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new InvalidField(name, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-24T10:30:00Z");
        }
    }

    private static long number(String name, String text, long min, long max) {
        return number(name, text, min, max, min);
    }

    private static long number(String name, String text, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new InvalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
