package org.ordersystem.system.problem;

import org.ordersystem.system.web.RequestIdFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;

/** The RFC 9457 body every error response carries. */
public final class Problem {

    private Problem() {
    }

    public record FieldError(String field, String message) {
    }

    public static Map<String, Object> body(ErrorCode code, String detail, String instance, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status().value());
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("error_code", code.name());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        body.putAll(extra);
        return body;
    }

    public static Map<String, Object> validation(String detail, String instance, List<FieldError> errors) {
        return body(ErrorCode.VALIDATION_FAILED, detail, instance, Map.of("errors", errors));
    }
}
