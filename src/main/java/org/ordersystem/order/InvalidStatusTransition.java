package org.ordersystem.order;

import java.util.List;

import org.ordersystem.system.problem.ApiException;

/** The lifecycle does not allow moving from the current status to the asked one. */
class InvalidStatusTransition extends ApiException {

    InvalidStatusTransition(OrderStatus current, OrderStatus target, List<OrderStatus> allowed) {
        super(OrderErrorCode.INVALID_STATUS_TRANSITION, "An order that is " + current + " cannot become " + target + ".");
        getBody().setProperty("current_status", current.name());
        getBody().setProperty("allowed_transitions", allowed.stream().map(Enum::name).toList());
    }
}
