package org.ordersystem.auth.web;

/** Optional: the session's refresh token, revoked along with the presented access token's session. */
record LogoutRequest(String refreshToken) {

    @Override
    public String toString() {
        return "LogoutRequest[redacted]";
    }
}
