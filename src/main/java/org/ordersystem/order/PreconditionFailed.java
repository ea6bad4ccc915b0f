package org.ordersystem.order;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ApiException;

/** If-Match named a version that is no longer current. */
class PreconditionFailed extends ApiException {

    PreconditionFailed(long currentVersion) {
        super(CommonErrorCode.PRECONDITION_FAILED, "If-Match does not match the current ETag \"" + currentVersion + "\"; read the order again.");
    }
}
