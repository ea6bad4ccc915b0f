package org.ordersystem.system.problem;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Tomcat answers some requests before they reach the application: a request line or header
 * too large or malformed (400, 414, 431), or a request arriving while the server drains (503).
 * Its default page is HTML naming the server; this valve answers with the same problem+json
 * body as every other error instead. Installed as the host's error report valve by
 * {@link ServletContainerConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail body = ProblemDetails.forRequest(
                ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detailFor(status)), instance(request));
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
