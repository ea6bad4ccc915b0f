package org.ordersystem.auth.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The email is checked and normalised, and the password judged by the policy, in the user service. */
record RegisterRequest(@NotNull @Size(max = 320) String email, @NotNull String password,
        @NotNull @Size(min = 1, max = 200, message = "must be 1 to 200 characters, not blank") String name) {

    RegisterRequest {
        name = name == null ? null : name.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", name=" + name + "]";
    }
}
