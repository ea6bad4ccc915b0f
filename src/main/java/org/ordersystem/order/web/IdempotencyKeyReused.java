package org.ordersystem.order.web;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** The Idempotency-Key was used before with a different request body. */
class IdempotencyKeyReused extends ApiException {

    IdempotencyKeyReused() {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used with a different request body.");
    }
}
