package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class ReusedRefreshToken extends ApiException {

    ReusedRefreshToken() {
        super(ErrorCode.TOKEN_REUSED, "This refresh token was already used; every token of its session is revoked. "
                + "Sign in again.");
    }
}
