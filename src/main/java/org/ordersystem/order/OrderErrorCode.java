package org.ordersystem.order;

import org.ordersystem.system.problem.ErrorCode;

import org.springframework.http.HttpStatus;

/** The order API's own error codes. */
public enum OrderErrorCode implements ErrorCode {

    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "Order not found"),
    ITEM_NOT_FOUND(HttpStatus.NOT_FOUND, "Item not found"),
    INVALID_STATUS_TRANSITION(HttpStatus.CONFLICT, "Invalid status transition"),
    ORDER_NOT_MODIFIABLE(HttpStatus.CONFLICT, "Order not modifiable"),
    ORDER_EMPTY(HttpStatus.CONFLICT, "Order is empty"),
    ITEM_LIMIT_REACHED(HttpStatus.CONFLICT, "Item limit reached"),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT, "Request with this idempotency key in progress"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused");

    private final HttpStatus status;
    private final String title;

    OrderErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
