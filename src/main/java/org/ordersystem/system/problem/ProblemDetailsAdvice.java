package org.ordersystem.system.problem;


import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place that maps every failure to the contract's problem+json and error_code. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex, HttpServletRequest request) {
        return problem(ex.code(), ex.getMessage(), request, ex.properties(), ex.headers());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidBody(BindException ex, HttpServletRequest request) {
        List<Problem.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new Problem.FieldError(FieldNames.snakeCase(error.getField()), error.getDefaultMessage()))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
        List<Problem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problem.FieldError(FieldNames.snakeCase(
                                result.getMethodParameter().getParameterName()), error.getDefaultMessage())))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<Problem.FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldNames.lastSegment(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class })
    ResponseEntity<Object> badParameter(Exception ex, HttpServletRequest request) {
        String name = "request";
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            name = mismatch.getName();
        }
        else if (ex instanceof MissingServletRequestParameterException missing) {
            name = missing.getParameterName();
        }
        else if (ex instanceof MissingRequestHeaderException missing) {
            name = missing.getHeaderName();
        }
        String message = ex instanceof MethodArgumentTypeMismatchException ? "has an invalid value" : "is required";
        return validation(List.of(new Problem.FieldError(FieldNames.snakeCase(name), message)), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        if (causeOf(ex, PayloadTooLarge.class) != null) {
            return problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB.", request);
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return validation(List.of(new Problem.FieldError(path(unknown), "is not a known field")), request);
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        String where = json == null || path(json).isEmpty() ? "" : " (at " + path(json) + ")";
        String detail = json == null ? "The request body is missing or is not valid JSON."
                : "The request body is not valid JSON or has a value of the wrong type" + where + ".";
        return problem(ErrorCode.MALFORMED_REQUEST, detail, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        return problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
        return problem(ErrorCode.NOT_ACCEPTABLE, "This resource is available as application/json only.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return problem(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported here.", request,
                Map.of(), headers);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    ResponseEntity<Object> notFound(Exception ex, HttpServletRequest request) {
        return problem(ErrorCode.NOT_FOUND, "No resource at this path.", request);
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
    ResponseEntity<Object> lostRace(Exception ex, HttpServletRequest request) {
        return problem(ErrorCode.CONCURRENT_MODIFICATION,
                "The resource was changed by another request; read it again and retry.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        if (databaseUnreachable(ex)) {
            log.warn("Database unreachable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problem(ErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable; try again shortly.", request,
                    Map.of(), headers);
        }
        if (textTheDatabaseCannotStore(ex)) {
            // the whole transaction rolled back: nothing changed
            return validation(List.of(new Problem.FieldError("request",
                    "text must not contain the NUL character (\\u0000)")), request);
        }
        log.error("Unexpected failure for {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; it has been logged.", request);
    }

    static boolean databaseUnreachable(Throwable ex) {
        return causeOf(ex, CannotCreateTransactionException.class) != null
                || causeOf(ex, DataAccessResourceFailureException.class) != null
                || causeOf(ex, SQLTransientConnectionException.class) != null
                || causeOf(ex, java.net.ConnectException.class) != null
                || causeOf(ex, TransactionException.class) != null
                || sqlStateClass(ex, "08");
    }

    /** PostgreSQL text cannot hold U+0000, in any field or query parameter (22021, 22P05). */
    private static boolean textTheDatabaseCannotStore(Throwable ex) {
        return sqlStateClass(ex, "22021") || sqlStateClass(ex, "22P05");
    }

    private static boolean sqlStateClass(Throwable ex, String prefix) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> validation(List<Problem.FieldError> errors, HttpServletRequest request) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.validation(detail, request.getRequestURI(), errors));
    }

    private ResponseEntity<Object> problem(ErrorCode code, String detail, HttpServletRequest request) {
        return problem(code, detail, request, Map.of(), HttpHeaders.EMPTY);
    }

    private ResponseEntity<Object> problem(ErrorCode code, String detail, HttpServletRequest request,
            Map<String, Object> extra, HttpHeaders headers) {
        return ResponseEntity.status(code.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.body(code, detail, request.getRequestURI(), extra));
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
