package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** An admin placed an order for a user id that does not exist. */
class UserNotFound extends ApiException {

    UserNotFound(long userId) {
        super(ErrorCode.USER_NOT_FOUND, "User " + userId + " not found.");
    }
}
