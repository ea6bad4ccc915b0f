package org.ordersystem.system.problem;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * A failure the client can act on. Modules subclass it with the condition's name
 * ({@code OrderNotFound}); {@link ProblemDetailsAdvice} turns it into problem+json.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra members of the problem body, e.g. {@code current_status}. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
