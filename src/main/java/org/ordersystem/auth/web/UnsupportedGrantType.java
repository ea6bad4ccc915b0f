package org.ordersystem.auth.web;

import org.ordersystem.system.problem.InvalidField;

class UnsupportedGrantType extends InvalidField {

    UnsupportedGrantType() {
        super("grant_type", "must be password or refresh_token");
    }
}
