package org.ordersystem.system.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * One of the contract's error codes: the {@code error_code} of a problem response, with its
 * status and title. The codes every part of the API shares are {@link CommonErrorCode}; each
 * module declares its own in an enum of its own ({@code OrderErrorCode}).
 */
public interface ErrorCode {

    /** The code as clients see it, e.g. {@code ORDER_NOT_FOUND}. */
    String name();

    HttpStatus status();

    String title();

    /** The problem type: a relative URI naming the code, e.g. {@code /problems/order-not-found}. */
    default URI type() {
        return URI.create("/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
