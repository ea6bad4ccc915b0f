package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;

/** The order's status no longer allows this change. */
class OrderNotModifiable extends ApiException {

    OrderNotModifiable(OrderStatus status, String what) {
        super(OrderErrorCode.ORDER_NOT_MODIFIABLE, "Cannot " + what + " an order that is " + status + ".");
    }
}
