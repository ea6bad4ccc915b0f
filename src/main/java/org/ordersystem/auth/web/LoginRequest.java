package org.ordersystem.auth.web;

import jakarta.validation.constraints.NotNull;

record LoginRequest(@NotNull String email, @NotNull String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
