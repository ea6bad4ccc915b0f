package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** Bad signature, wrong algorithm, malformed, wrong type, revoked: the token is not ours to honour. */
class InvalidToken extends ApiException {

    InvalidToken(String detail) {
        super(ErrorCode.TOKEN_INVALID, detail);
    }
}
