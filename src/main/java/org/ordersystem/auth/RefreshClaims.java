package org.ordersystem.auth;

import java.time.Instant;
import java.util.UUID;

/** A verified refresh token; its id is the row of {@code tokens_atualizacao} and its family the session. */
record RefreshClaims(long userId, UUID id, UUID family, Instant expiresAt) {
}
