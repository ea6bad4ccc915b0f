package org.ordersystem.order;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

/** An order needs at least one item to be confirmed. */
class OrderEmpty extends ApiException {

    OrderEmpty() {
        super(ErrorCode.ORDER_EMPTY, "An order needs at least one item to be confirmed.");
    }
}
