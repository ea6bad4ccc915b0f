package org.ordersystem.auth;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

/** Bad signature, wrong algorithm, malformed, wrong type, revoked: the token is not ours to honour. */
class InvalidToken extends ApiException {

    InvalidToken(String detail) {
        super(ErrorCode.TOKEN_INVALID, detail);
    }
}
