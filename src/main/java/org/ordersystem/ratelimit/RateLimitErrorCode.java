package org.ordersystem.ratelimit;

import org.ordersystem.system.problem.ErrorCode;

import org.springframework.http.HttpStatus;

/** The rate limiter's error code. */
public enum RateLimitErrorCode implements ErrorCode {

    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded");

    private final HttpStatus status;
    private final String title;

    RateLimitErrorCode(HttpStatus status, String title) {
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
