package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

/** One answer for a reset token that is unknown, used or expired: which of them is nobody's business. */
class ResetTokenInvalid extends ApiException {

    ResetTokenInvalid() {
        super(AuthErrorCode.RESET_TOKEN_INVALID,
                "The password-reset link is not valid: it may have been used or have expired. Ask for a new one.");
    }
}
