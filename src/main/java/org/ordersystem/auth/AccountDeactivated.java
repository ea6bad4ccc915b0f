package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;

class AccountDeactivated extends ApiException {

    AccountDeactivated() {
        super(AuthErrorCode.ACCOUNT_DEACTIVATED, "This account has been deactivated.");
    }
}
