package org.ordersystem.user;

import org.ordersystem.system.ApiException;
import org.ordersystem.system.ErrorCode;

class WeakPassword extends ApiException {

    WeakPassword(String rule) {
        super(ErrorCode.WEAK_PASSWORD, "The password " + rule + ".");
    }
}
