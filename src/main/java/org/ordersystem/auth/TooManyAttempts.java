package org.ordersystem.auth;

import java.time.Duration;

import org.ordersystem.system.problem.ApiException;

import org.springframework.http.HttpHeaders;

class TooManyAttempts extends ApiException {

    private final long retryAfterSeconds;

    TooManyAttempts(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private TooManyAttempts(long retryAfterSeconds) {
        super(AuthErrorCode.TOO_MANY_ATTEMPTS, "Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
