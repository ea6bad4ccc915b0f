package org.ordersystem.auth.web;

import jakarta.validation.constraints.NotNull;

record ChangePasswordRequest(@NotNull String currentPassword, @NotNull String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[redacted]";
    }
}
