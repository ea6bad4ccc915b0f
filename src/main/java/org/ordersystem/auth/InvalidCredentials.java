package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

/** The same answer for an unknown email and a wrong password. */
class InvalidCredentials extends ApiException {

    InvalidCredentials() {
        super(AuthErrorCode.INVALID_CREDENTIALS, "The email or password is incorrect.");
    }
}
