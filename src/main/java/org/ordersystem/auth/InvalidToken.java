package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

/** Bad signature, wrong algorithm, malformed, wrong type, revoked: the token is not ours to honour. */
class InvalidToken extends ApiException {

    InvalidToken(String detail) {
        super(AuthErrorCode.TOKEN_INVALID, detail);
    }
}
