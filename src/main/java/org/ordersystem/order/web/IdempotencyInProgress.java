package org.ordersystem.order.web;

import org.ordersystem.order.OrderErrorCode;
import org.ordersystem.system.problem.ApiException;

/** The first request with this Idempotency-Key is still running. */
class IdempotencyInProgress extends ApiException {

    IdempotencyInProgress() {
        super(OrderErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
