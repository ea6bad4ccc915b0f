package org.ordersystem.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered receiver. {@code secret} is only ever shown in the response that created or
 * rotated it; {@link #toString()} never includes a secret.
 */
public record WebhookEndpoint(long id, String url, String description, List<String> events, boolean active,
        String secret, String previousSecret, Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the previous one until it expires. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", active=" + active + ", events=" + events + "]";
    }
}
