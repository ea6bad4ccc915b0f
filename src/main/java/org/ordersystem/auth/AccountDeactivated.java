package org.ordersystem.auth;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class AccountDeactivated extends ApiException {

    AccountDeactivated() {
        super(ErrorCode.ACCOUNT_DEACTIVATED, "This account has been deactivated.");
    }
}
