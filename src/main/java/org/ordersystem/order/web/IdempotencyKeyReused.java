package org.ordersystem.order.web;

import org.ordersystem.order.OrderErrorCode;
import org.ordersystem.system.problem.ApiException;

/** The Idempotency-Key was used before with a different request body. */
class IdempotencyKeyReused extends ApiException {

    IdempotencyKeyReused() {
        super(OrderErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used with a different request body.");
    }
}
