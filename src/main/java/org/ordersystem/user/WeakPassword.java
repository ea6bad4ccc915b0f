package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

class WeakPassword extends ApiException {

    WeakPassword(String rule) {
        super(ErrorCode.WEAK_PASSWORD, "The password " + rule + ".");
    }
}
