package org.ordersystem.system.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.slf4j.MDC;

import org.ordersystem.system.web.RequestIdFilter;

import org.springframework.http.ProblemDetail;

/** Builds the contract's RFC 9457 body: Spring's {@link ProblemDetail} with {@code error_code} and {@code request_id}. */
public final class ProblemDetails {

    static final String ERROR_CODE = "error_code";

    private ProblemDetails() {
    }

    /** One rejected field of a {@code VALIDATION_FAILED} problem. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        return withCode(problem, code);
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
        ProblemDetail problem = of(CommonErrorCode.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Gives a body the framework made (which knows only its status) the code of that status, unless it has one. */
    static ProblemDetail withCode(ProblemDetail problem, ErrorCode code) {
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setProperty(ERROR_CODE, code.name());
        return problem;
    }

    static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(ERROR_CODE);
    }

    /** The members that depend on the request: where it was sent and its id for the logs. */
    static ProblemDetail forRequest(ProblemDetail problem, String requestUri) {
        if (!hasCode(problem)) {
            withCode(problem, CommonErrorCode.forStatus(problem.getStatus()));
        }
        if (problem.getInstance() == null && requestUri != null) {
            problem.setInstance(instance(requestUri));
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    private static URI instance(String requestUri) {
        try {
            return new URI(requestUri);
        }
        catch (URISyntaxException ex) {
            // a path Tomcat let through but URI refuses: name it encoded rather than not at all
            return URI.create(java.net.URLEncoder.encode(requestUri, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
