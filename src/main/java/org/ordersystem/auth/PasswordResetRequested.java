package org.ordersystem.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for a password-reset link for this user's address; stored in the outbox with
 * the request and e-mailed after it commits. It carries no token: the link is made from
 * {@code id} with the service's key when the e-mail is written ({@link PasswordResets#link}).
 */
public record PasswordResetRequested(UUID id, long userId, Instant expiresAt) {
}
