package org.ordersystem.order;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.domain.Sort;

/** Filters, sort (by one of the order's properties) and page of an order listing, already validated. */
public record OrderQuery(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo, Long userId,
        int page, int size, Sort sort) {
}
