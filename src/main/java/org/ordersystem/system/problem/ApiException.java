package org.ordersystem.system.problem;

import org.springframework.web.ErrorResponseException;

/**
 * A failure the client can act on: Spring's {@link ErrorResponseException} whose body
 * carries the contract's error code. Modules subclass it with the condition's name
 * ({@code OrderNotFound}), adding members with {@code getBody().setProperty} and headers
 * with {@code getHeaders()}; {@link ProblemDetailsAdvice} completes and sends it.
 */
public class ApiException extends ErrorResponseException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String detail) {
        super(code.status(), ProblemDetails.of(code, detail), null);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getBody().getDetail();
    }

    /** Thrown for outcomes clients cause every day (not found, conflicts): the stack trace is never read. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
