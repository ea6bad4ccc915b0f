package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;

/** An order needs at least one item to be confirmed. */
class OrderEmpty extends ApiException {

    OrderEmpty() {
        super(OrderErrorCode.ORDER_EMPTY, "An order needs at least one item to be confirmed.");
    }
}
