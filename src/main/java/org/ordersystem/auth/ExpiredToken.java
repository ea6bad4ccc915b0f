package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

class ExpiredToken extends ApiException {

    ExpiredToken() {
        super(AuthErrorCode.TOKEN_EXPIRED, "The token has expired.");
    }
}
