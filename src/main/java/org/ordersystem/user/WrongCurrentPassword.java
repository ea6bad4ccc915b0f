package org.ordersystem.user;

import org.ordersystem.system.InvalidField;

/** A 400, not a 401: the caller's token is fine, and clients log out on 401. */
public class WrongCurrentPassword extends InvalidField {

    WrongCurrentPassword() {
        super("current_password", "is not the current password");
    }
}
