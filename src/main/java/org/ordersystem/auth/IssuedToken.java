package org.ordersystem.auth;

import java.time.Instant;
import java.util.UUID;

record IssuedToken(String value, UUID id, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
