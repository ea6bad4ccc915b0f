package org.ordersystem.order;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read-only transactions of a page of orders: on a read replica when it may serve the
 * caller, and again on the primary when the replica fails in the middle (the read-only
 * transactions' failover applies to these methods).
 */
@Component
class OrderListing {

    private final OrderRepository orders;

    OrderListing(OrderRepository orders) {
        this.orders = orders;
    }

    /** The page's orders with their items (in one batch), and the total when the page needs it. */
    @Transactional(readOnly = true)
    public Page<OrderSnapshot> counted(Specification<Order> visible, PageRequest page) {
        return orders.findAll(visible, page).map(OrderSnapshot::of);
    }

    /** The page's orders with their items (in one batch), without counting them all. */
    @Transactional(readOnly = true)
    public List<OrderSnapshot> content(Specification<Order> visible, PageRequest page) {
        return orders.findBy(visible, found -> found.slice(page)).map(OrderSnapshot::of).getContent();
    }
}
