package org.ordersystem.auth;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

class ExpiredToken extends ApiException {

    ExpiredToken() {
        super(ErrorCode.TOKEN_EXPIRED, "The token has expired.");
    }
}
