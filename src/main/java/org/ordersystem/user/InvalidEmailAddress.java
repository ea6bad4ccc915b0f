package org.ordersystem.user;

import org.ordersystem.system.problem.InvalidField;

class InvalidEmailAddress extends InvalidField {

    InvalidEmailAddress() {
        super("email", "is not a valid email address");
    }
}
