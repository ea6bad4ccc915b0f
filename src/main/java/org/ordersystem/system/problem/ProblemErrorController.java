package org.ordersystem.system.problem;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (the servlet container's own, e.g. a malformed
 * URL) are rendered as problem+json too, never as the framework's default page. The path is
 * not routable from outside: a request for {@code /error} itself is answered 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    /** Every method named, OPTIONS too: a mapping that names none leaves OPTIONS to Spring MVC's default answer. */
    @RequestMapping(path = "/error", method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS })
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(status instanceof Integer)) {
            // Only the container forwards here; called from outside, /error is a path like any unknown one.
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problem.body(
                    ErrorCode.NOT_FOUND, "No resource at this path.", request.getRequestURI(), Map.of()));
        }
        int code = (Integer) status;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorCode error = switch (code) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.INSUFFICIENT_PERMISSIONS;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        String detail = HttpStatus.resolve(code) == null ? "The request failed." : HttpStatus.valueOf(code).getReasonPhrase();
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.body(error, detail, uri == null ? request.getRequestURI() : uri.toString(), Map.of()));
    }
}
