package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * Which orders a listing or an export covers, already validated: statuses (none means all),
 * creation time from (inclusive) and to (exclusive), a total range (inclusive), search terms,
 * and the owner an administrator asked for. Null means no restriction.
 */
public record OrderFilter(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo, BigDecimal totalMin,
        BigDecimal totalMax, String search, Long userId) {

    public OrderFilter {
        statuses = Set.copyOf(statuses);
    }
}
