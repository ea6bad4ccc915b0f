package org.ordersystem.auth;

import org.ordersystem.system.problem.InvalidField;

/** A 400, not a 401: the caller's token is fine, and clients log out on 401. */
class WrongCurrentPassword extends InvalidField {

    WrongCurrentPassword() {
        super("current_password", "is not the current password");
    }
}
