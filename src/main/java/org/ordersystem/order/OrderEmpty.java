package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** An order needs at least one item to be confirmed. */
class OrderEmpty extends ApiException {

    OrderEmpty() {
        super(ErrorCode.ORDER_EMPTY, "An order needs at least one item to be confirmed.");
    }
}
