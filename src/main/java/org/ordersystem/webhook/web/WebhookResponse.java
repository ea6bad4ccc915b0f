package org.ordersystem.webhook.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ordersystem.webhook.WebhookEndpoint;

/** An Endpoint; {@code secret} only in the answers that create or rotate it. */
record WebhookResponse(long id, String url, String description, List<String> events, boolean active,
        Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookResponse of(WebhookEndpoint endpoint) {
        return new WebhookResponse(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.events(),
                endpoint.active(), endpoint.createdAt(), endpoint.updatedAt(), null);
    }

    static WebhookResponse withSecret(WebhookEndpoint endpoint) {
        return new WebhookResponse(endpoint.id(), endpoint.url(), endpoint.description(), endpoint.events(),
                endpoint.active(), endpoint.createdAt(), endpoint.updatedAt(), endpoint.secret());
    }

    @Override
    public String toString() {
        return "WebhookResponse[id=" + id + "]";
    }
}
