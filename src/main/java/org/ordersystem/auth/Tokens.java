package org.ordersystem.auth;

import java.time.Duration;

/** A freshly issued pair: a short-lived access token and the refresh token that replaces it. */
public record Tokens(String accessToken, String refreshToken, Duration accessTokenLifetime) {

    @Override
    public String toString() {
        return "Tokens[redacted, accessTokenLifetime=" + accessTokenLifetime + "]";
    }
}
