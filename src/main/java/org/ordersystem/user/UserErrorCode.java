package org.ordersystem.user;

import org.ordersystem.system.problem.ErrorCode;

import org.springframework.http.HttpStatus;

/** The user API's own error codes. */
public enum UserErrorCode implements ErrorCode {

    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
    EMAIL_EXISTS(HttpStatus.CONFLICT, "Email already registered"),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST, "Weak password");

    private final HttpStatus status;
    private final String title;

    UserErrorCode(HttpStatus status, String title) {
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
