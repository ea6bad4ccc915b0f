package org.ordersystem.auth.web;

import jakarta.validation.constraints.NotNull;

record PasswordResetRequest(@NotNull String email) {
}
