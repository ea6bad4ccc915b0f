package org.ordersystem.user;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in caller, as the security filter puts it in the security context
 * (the principal of the Authentication); controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser caller}. Its name is the user id, so
 * infrastructure (the rate limiter) can key on the caller without knowing this type.
 * Serializable: a web console session keeps it (in PostgreSQL).
 */
public record CurrentUser(long id, String email, String name, boolean admin) implements AuthenticatedPrincipal,
        Serializable {

    @Override
    public String getName() {
        return Long.toString(id);
    }
}
