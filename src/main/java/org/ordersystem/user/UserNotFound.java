package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class UserNotFound extends ApiException {

    UserNotFound(long id) {
        super(ErrorCode.USER_NOT_FOUND, "There is no user with id " + id + ".");
    }
}
