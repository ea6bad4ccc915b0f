package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;

class UserNotFound extends ApiException {

    UserNotFound(long id) {
        super(UserErrorCode.USER_NOT_FOUND, "There is no user with id " + id + ".");
    }
}
