package org.ordersystem.webhook;

import java.util.List;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ProblemDetails;

/** The URL may not receive webhooks: not https, credentials in it, or a non-public address. */
class WebhookUrlRejected extends ApiException {

    private final String reason;

    WebhookUrlRejected(String reason) {
        super(WebhookErrorCode.WEBHOOK_URL_REJECTED, "The webhook URL " + reason + ".");
        getBody().setProperty("errors", List.of(new ProblemDetails.FieldError("url", reason)));
        this.reason = reason;
    }

    /** What is wrong with the URL, e.g. "must use https". */
    String reason() {
        return reason;
    }
}
