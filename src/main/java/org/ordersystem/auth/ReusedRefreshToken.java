package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

class ReusedRefreshToken extends ApiException {

    ReusedRefreshToken() {
        super(AuthErrorCode.TOKEN_REUSED, "This refresh token was already used; every token of its session is revoked. "
                + "Sign in again.");
    }
}
