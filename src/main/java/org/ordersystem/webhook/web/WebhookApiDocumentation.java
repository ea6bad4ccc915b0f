package org.ordersystem.webhook.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

import org.ordersystem.system.openapi.ApiDocumentation;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.webhook.WebhookErrorCode;

import org.springframework.stereotype.Component;

/** The webhook API's part of the OpenAPI document: how deliveries work, and its error codes. */
@Component
class WebhookApiDocumentation implements ApiDocumentation {

    private static final String WEBHOOKS = "/api/webhooks";

    @Override
    public String description() {
        return """
                Webhooks (administrators only, 403 otherwise), per the Standard Webhooks specification: events \
                `order.placed`, `order.status_changed`, `order.updated` (notes or items), `order.deleted` and \
                `webhook.test`, body `{"type", "timestamp", "data"}` (`data` is the Order, `{id}` for a deleted \
                one), headers `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` \
                (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, keyed by the base64-decoded secret \
                after `whsec_`; two space-separated signatures for 24 h after a rotation). A 2xx within 10 s is \
                success; redirects are not followed. Retries after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then \
                every 10 h for 3 days; then the endpoint is set `active: false`. The URL must be https without \
                credentials and resolve only to public addresses (checked again at every delivery), else 400 \
                WEBHOOK_URL_REJECTED. See docs/webhooks.md.""";
    }

    @Override
    public List<ErrorCode> errors(String path, HttpMethod method) {
        if (!path.equals(WEBHOOKS) && !path.startsWith(WEBHOOKS + "/")) {
            return List.of();
        }
        List<ErrorCode> errors = new ArrayList<>(List.of(CommonErrorCode.INSUFFICIENT_PERMISSIONS));
        if (path.contains("{")) {
            errors.add(WebhookErrorCode.WEBHOOK_NOT_FOUND);
        }
        if ((path.equals(WEBHOOKS) && method == HttpMethod.POST) || method == HttpMethod.PATCH) {
            errors.add(WebhookErrorCode.WEBHOOK_URL_REJECTED);
        }
        return errors;
    }
}
