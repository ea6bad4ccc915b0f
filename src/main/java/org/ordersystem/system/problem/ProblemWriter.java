package org.ordersystem.system.problem;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes problem+json from places outside Spring MVC: servlet filters and security handlers. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, code, detail, Map.of(), HttpHeaders.EMPTY);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail,
            Map<String, Object> extra, HttpHeaders headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        json.writeValue(response.getOutputStream(), Problem.body(code, detail, request.getRequestURI(), extra));
    }
}
