package org.ordersystem.system.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
        write(request, response, ProblemDetails.of(code, detail), HttpHeaders.EMPTY);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail,
            HttpHeaders headers) throws IOException {
        write(request, response, ProblemDetails.of(code, detail), headers);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure)
            throws IOException {
        write(request, response, failure.getBody(), failure.getHeaders());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure,
            HttpHeaders extraHeaders) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(failure.getHeaders());
        headers.addAll(extraHeaders);
        write(request, response, failure.getBody(), headers);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            HttpHeaders headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        json.writeValue(response.getOutputStream(), ProblemDetails.forRequest(problem, request.getRequestURI()));
    }
}
