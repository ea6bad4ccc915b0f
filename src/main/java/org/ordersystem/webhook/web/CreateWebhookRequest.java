package org.ordersystem.webhook.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/webhooks. */
record CreateWebhookRequest(@NotNull @Size(max = 2048) String url,
        @NotNull @Size(min = 1, max = 10) List<@NotNull String> events,
        @Size(max = 500) String description) {
}
