package org.ordersystem.webhook.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of PATCH /api/webhooks/{id}: what is given changes, the rest stays. */
record UpdateWebhookRequest(@Size(max = 2048) String url, @Size(min = 1, max = 10) List<@NotNull String> events,
        @Size(max = 500) String description, Boolean active) {
}
