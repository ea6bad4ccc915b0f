package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class EmailAlreadyRegistered extends ApiException {

    EmailAlreadyRegistered() {
        super(ErrorCode.EMAIL_EXISTS, "This email address is already registered.");
    }
}
