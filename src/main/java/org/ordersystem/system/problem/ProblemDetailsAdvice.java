package org.ordersystem.system.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.TransactionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that maps every failure inside Spring MVC to the contract's problem+json:
 * Spring's own handling of its exceptions ({@link ResponseEntityExceptionHandler}, which
 * also sends every {@link ApiException}), with the contract's details where they say more,
 * and each body completed with its error code, instance and request id.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemDetails.forRequest(problem, uri(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(fieldErrors(ex.getBindingResult()), request);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidParameters(BindException ex, WebRequest request) {
        return validation(fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a @Valid body's errors name its fields; a constrained parameter's errors name the parameter
        return validation(ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body ? fieldErrors(body.getFieldErrors()).stream()
                        : result.getResolvableErrors().stream()
                                .map(error -> new ProblemDetails.FieldError(FieldNames.snakeCase(
                                        result.getMethodParameter().getParameterName()), error.getDefaultMessage())))
                .toList(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        return validation(ex.getConstraintViolations().stream()
                .map(v -> new ProblemDetails.FieldError(FieldNames.lastSegment(v.getPropertyPath().toString()),
                        v.getMessage()))
                .toList(), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidParameter(ex.getPropertyName(), "has an invalid value", request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidParameter(ex.getParameterName(), "is required", request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MissingRequestHeaderException missing ? missing.getHeaderName() : "request";
        return invalidParameter(name, "is required", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOf(ex, PayloadTooLarge.class) != null) {
            return problem(CommonErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB.", headers,
                    request);
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return validation(List.of(new ProblemDetails.FieldError(path(unknown), "is not a known field")), request);
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        String where = json == null || path(json).isEmpty() ? "" : " (at " + path(json) + ")";
        String detail = json == null ? "The request body is missing or is not valid JSON."
                : "The request body is not valid JSON or has a value of the wrong type" + where + ".";
        return problem(CommonErrorCode.MALFORMED_REQUEST, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(CommonErrorCode.NOT_ACCEPTABLE, "This resource is available as application/json only.",
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(CommonErrorCode.METHOD_NOT_ALLOWED, ex.getMethod() + " is not supported here.", headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(CommonErrorCode.NOT_FOUND, "No resource at this path.", headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(CommonErrorCode.NOT_FOUND, "No resource at this path.", headers, request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> lostRace(Exception ex, WebRequest request) {
        return problem(CommonErrorCode.CONCURRENT_MODIFICATION,
                "The resource was changed by another request; read it again and retry.", HttpHeaders.EMPTY, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest servletRequest,
            HttpServletResponse servletResponse, WebRequest request) throws Exception {
        if (servletResponse.isCommitted()) {
            // part of the answer is out (a streamed export): a problem would be appended to it.
            // Rethrown, it reaches Tomcat's error report valve, which closes the connection, so
            // the client sees an incomplete response instead of a complete-looking one.
            log.warn("Failure after the answer to {} {} began; closing the connection ({})",
                    servletRequest.getMethod(), servletRequest.getRequestURI(), ex.getClass().getSimpleName());
            throw ex;
        }
        if (databaseUnreachable(ex)) {
            log.warn("Database unreachable for {} {}: {}", servletRequest.getMethod(), servletRequest.getRequestURI(),
                    ex.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problem(CommonErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable; try again shortly.",
                    headers, request);
        }
        if (textTheDatabaseCannotStore(ex)) {
            // the whole transaction rolled back: nothing changed
            return validation(List.of(new ProblemDetails.FieldError("request",
                    "text must not contain the NUL character (\\u0000)")), request);
        }
        log.error("Unexpected failure for {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(), ex);
        return problem(CommonErrorCode.INTERNAL_ERROR, "An unexpected error occurred; it has been logged.",
                HttpHeaders.EMPTY, request);
    }

    static boolean databaseUnreachable(Throwable ex) {
        return causeOf(ex, CannotCreateTransactionException.class) != null
                || causeOf(ex, DataAccessResourceFailureException.class) != null
                || causeOf(ex, SQLTransientConnectionException.class) != null
                || causeOf(ex, ConnectException.class) != null
                || causeOf(ex, TransactionException.class) != null
                || sqlStateStartsWith(ex, "08");
    }

    /** PostgreSQL text cannot hold U+0000, in any field or query parameter (22021, 22P05). */
    private static boolean textTheDatabaseCannotStore(Throwable ex) {
        return sqlStateStartsWith(ex, "22021") || sqlStateStartsWith(ex, "22P05");
    }

    private static boolean sqlStateStartsWith(Throwable ex, String prefix) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<ProblemDetails.FieldError> fieldErrors(BindingResult result) {
        return fieldErrors(result.getFieldErrors());
    }

    private static List<ProblemDetails.FieldError> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> new ProblemDetails.FieldError(FieldNames.snakeCase(error.getField()),
                        error.getDefaultMessage()))
                .toList();
    }

    private ResponseEntity<Object> invalidParameter(String name, String message, WebRequest request) {
        return validation(List.of(new ProblemDetails.FieldError(FieldNames.snakeCase(name), message)), request);
    }

    private ResponseEntity<Object> validation(List<ProblemDetails.FieldError> errors, WebRequest request) {
        ProblemDetail problem = ProblemDetails.validation(errors);
        return createResponseEntity(problem, HttpHeaders.EMPTY, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ResponseEntity<Object> problem(ErrorCode code, String detail, HttpHeaders headers, WebRequest request) {
        return createResponseEntity(ProblemDetails.of(code, detail), headers, code.status(), request);
    }

    private static String uri(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
