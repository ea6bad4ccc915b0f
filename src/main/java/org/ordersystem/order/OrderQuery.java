package org.ordersystem.order;

import org.springframework.data.domain.Sort;

/** One page of the orders a filter covers, sorted by one of the order's properties. */
public record OrderQuery(OrderFilter filter, int page, int size, Sort sort) {
}
