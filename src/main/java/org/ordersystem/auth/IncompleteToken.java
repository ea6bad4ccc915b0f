package org.ordersystem.auth;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ApiException;

/** A validly signed token without a claim we require (exp, sub, jti, typ ...). */
class IncompleteToken extends ApiException {

    IncompleteToken(String claim) {
        super(CommonErrorCode.UNAUTHENTICATED, "The token has no '" + claim + "' claim.");
    }
}
