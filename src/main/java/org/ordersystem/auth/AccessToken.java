package org.ordersystem.auth;

import java.time.Instant;
import java.util.UUID;

/** A verified access token: whose it is, its id (jti), its session (the refresh family) and when it ends. */
public record AccessToken(long userId, String id, UUID session, Instant expiresAt) {
}
