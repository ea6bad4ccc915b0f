package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;

class EmailAlreadyRegistered extends ApiException {

    EmailAlreadyRegistered() {
        super(UserErrorCode.EMAIL_EXISTS, "This email address is already registered.");
    }
}
