package org.ordersystem.order;

import org.ordersystem.user.UserErrorCode;
import org.ordersystem.system.problem.ApiException;

/** An admin placed an order for a user id that does not exist. */
class UserNotFound extends ApiException {

    UserNotFound(long userId) {
        super(UserErrorCode.USER_NOT_FOUND, "User " + userId + " not found.");
    }
}
