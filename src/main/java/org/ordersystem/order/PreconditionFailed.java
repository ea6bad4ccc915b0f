package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** If-Match named a version that is no longer current. */
class PreconditionFailed extends ApiException {

    PreconditionFailed(long currentVersion) {
        super(ErrorCode.PRECONDITION_FAILED, "If-Match does not match the current ETag \"" + currentVersion + "\"; read the order again.");
    }
}
