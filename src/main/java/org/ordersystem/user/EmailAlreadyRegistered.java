package org.ordersystem.user;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

class EmailAlreadyRegistered extends ApiException {

    EmailAlreadyRegistered() {
        super(ErrorCode.EMAIL_EXISTS, "This email address is already registered.");
    }
}
