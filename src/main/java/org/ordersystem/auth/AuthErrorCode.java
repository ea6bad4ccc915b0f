package org.ordersystem.auth;

import org.ordersystem.system.problem.ErrorCode;

import org.springframework.http.HttpStatus;

/** The error codes of signing in and of tokens. */
public enum AuthErrorCode implements ErrorCode {

    TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "Invalid token"),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, "Token expired"),
    TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "Refresh token reused"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Invalid credentials"),
    ACCOUNT_DEACTIVATED(HttpStatus.FORBIDDEN, "Account deactivated"),
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts"),
    RESET_TOKEN_INVALID(HttpStatus.BAD_REQUEST, "Invalid password-reset token");

    private final HttpStatus status;
    private final String title;

    AuthErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
