package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** A validly signed token without a claim we require (exp, sub, jti, typ ...). */
class IncompleteToken extends ApiException {

    IncompleteToken(String claim) {
        super(ErrorCode.UNAUTHENTICATED, "The token has no '" + claim + "' claim.");
    }
}
