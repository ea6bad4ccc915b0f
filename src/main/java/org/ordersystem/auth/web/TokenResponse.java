package org.ordersystem.auth.web;

import org.ordersystem.auth.Tokens;

/** The OAuth2 token response; {@code expires_in} is the access token's lifetime in seconds. */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer",
                tokens.accessTokenLifetime().toSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[redacted]";
    }
}
