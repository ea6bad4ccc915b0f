package org.ordersystem.webhook;

import org.ordersystem.system.problem.ApiException;

/** No such webhook endpoint, or no such delivery of it. */
class WebhookNotFound extends ApiException {

    WebhookNotFound(String what) {
        super(WebhookErrorCode.WEBHOOK_NOT_FOUND, what + " not found.");
    }
}
