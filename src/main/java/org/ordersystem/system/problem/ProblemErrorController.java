package org.ordersystem.system.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(status instanceof Integer code)) {
            // Only the container forwards here; called from outside, /error is a path like any unknown one.
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDetails.forRequest(
                    ProblemDetails.of(CommonErrorCode.NOT_FOUND, "No resource at this path."), request.getRequestURI()));
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus known = HttpStatus.resolve(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code),
                known == null ? "The request failed." : known.getReasonPhrase());
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.forRequest(problem, uri == null ? request.getRequestURI() : uri.toString()));
    }
}
