package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;

/** The order does not exist or belongs to someone else (never told apart). */
class OrderNotFound extends ApiException {

    OrderNotFound(long orderId) {
        super(OrderErrorCode.ORDER_NOT_FOUND, "Order " + orderId + " not found.");
    }
}
