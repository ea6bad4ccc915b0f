package org.ordersystem.user;

import org.ordersystem.system.problem.InvalidField;

/** An administrator may not lock themselves out (and perhaps the system with them). */
class SelfDeactivation extends InvalidField {

    SelfDeactivation() {
        super("id", "is your own account; an administrator cannot deactivate themselves");
    }
}
