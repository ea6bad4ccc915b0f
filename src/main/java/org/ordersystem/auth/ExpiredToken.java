package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class ExpiredToken extends ApiException {

    ExpiredToken() {
        super(ErrorCode.TOKEN_EXPIRED, "The token has expired.");
    }
}
