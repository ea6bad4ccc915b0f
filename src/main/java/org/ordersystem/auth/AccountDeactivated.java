package org.ordersystem.auth;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

class AccountDeactivated extends ApiException {

    AccountDeactivated() {
        super(ErrorCode.ACCOUNT_DEACTIVATED, "This account has been deactivated.");
    }
}
