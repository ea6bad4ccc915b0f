package org.ordersystem.system.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests before they reach the application: a request line or header
 * too large or malformed (400, 414, 431), or a request arriving while the server drains (503).
 * Its default page is HTML naming the server; this valve answers with the same problem+json
 * body as every other error instead. Installed as the host's error report valve by
 * {@link ServletContainerConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Map<String, Object> body = Problem.body(codeFor(status), detailFor(status), instance(request), Map.of());
        body.put("status", status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            if (status == 503) {
                response.setHeader("Retry-After", "1");
            }
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client is gone or the response cannot take a body: nothing more to do
        }
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The server is shutting down; send the request to another instance.";
            default -> status < 500 ? "The request could not be parsed." : "The server could not handle the request.";
        };
    }

    private static String instance(Request request) {
        String uri = request.getDecodedRequestURI();
        return uri == null ? "" : uri;
    }
}
