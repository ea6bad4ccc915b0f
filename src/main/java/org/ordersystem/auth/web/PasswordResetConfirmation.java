package org.ordersystem.auth.web;

import jakarta.validation.constraints.NotNull;

record PasswordResetConfirmation(@NotNull String token, @NotNull String newPassword) {

    @Override
    public String toString() {
        return "PasswordResetConfirmation[redacted]";
    }
}
