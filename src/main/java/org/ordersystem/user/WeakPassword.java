package org.ordersystem.user;

import org.ordersystem.system.problem.ApiException;

class WeakPassword extends ApiException {

    WeakPassword(String rule) {
        super(UserErrorCode.WEAK_PASSWORD, "The password " + rule + ".");
    }
}
