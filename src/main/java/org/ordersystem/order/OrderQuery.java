package org.ordersystem.order;

import java.time.Instant;
import java.util.Set;

/** Filters, sort and page of an order listing, already validated. */
public record OrderQuery(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo, Long userId,
        int page, int size, String sortField, boolean ascending) {
}
