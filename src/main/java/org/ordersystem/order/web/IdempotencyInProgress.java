package org.ordersystem.order.web;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** The first request with this Idempotency-Key is still running. */
class IdempotencyInProgress extends ApiException {

    IdempotencyInProgress() {
        super(ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
