package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** The same answer for an unknown email and a wrong password. */
class InvalidCredentials extends ApiException {

    InvalidCredentials() {
        super(ErrorCode.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }
}
