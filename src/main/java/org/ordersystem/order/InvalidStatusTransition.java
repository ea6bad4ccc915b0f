package org.ordersystem.order;

import java.util.List;
import java.util.Map;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** The lifecycle does not allow moving from the current status to the asked one. */
class InvalidStatusTransition extends ApiException {

    private final OrderStatus current;
    private final List<OrderStatus> allowed;

    InvalidStatusTransition(OrderStatus current, OrderStatus target, List<OrderStatus> allowed) {
        super(ErrorCode.INVALID_STATUS_TRANSITION, "An order that is " + current + " cannot become " + target + ".");
        this.current = current;
        this.allowed = allowed;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("current_status", current.name(), "allowed_transitions", allowed.stream().map(Enum::name).toList());
    }
}
