package org.ordersystem.user;

import java.time.Instant;

/**
 * A user as other modules and clients see it (never the password hash). Its components,
 * written in the API's snake_case, are the contract's User body.
 */
public record UserAccount(long id, String email, String name, boolean isAdmin, boolean active, Instant createdAt,
        Instant lastLoginAt) {
}
