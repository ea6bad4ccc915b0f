package org.ordersystem.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** ADMIN_EMAIL and ADMIN_PASSWORD: the first administrator, when both are set. */
@ConfigurationProperties("order.admin")
record AdminProperties(String email, String password) {

    boolean configured() {
        return email != null && password != null;
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + "]";
    }
}
