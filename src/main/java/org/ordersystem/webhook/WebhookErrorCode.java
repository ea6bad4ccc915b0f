package org.ordersystem.webhook;

import org.ordersystem.system.problem.ErrorCode;

import org.springframework.http.HttpStatus;

/** The webhook API's own error codes. */
public enum WebhookErrorCode implements ErrorCode {

    WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook not found"),
    WEBHOOK_URL_REJECTED(HttpStatus.BAD_REQUEST, "Webhook URL rejected");

    private final HttpStatus status;
    private final String title;

    WebhookErrorCode(HttpStatus status, String title) {
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
