package org.ordersystem.webhook;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver an event to an endpoint, as the deliveries page shows it. */
public record Delivery(long id, UUID eventId, String eventType, int attempt, String status, Integer responseStatus,
        Integer durationMs, String error, Instant createdAt, Instant nextAttemptAt) {
}
