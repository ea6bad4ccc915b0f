package org.ordersystem.webhook.web;

import java.time.Instant;
import java.util.UUID;

import org.ordersystem.webhook.Delivery;

/** One delivery attempt. */
record DeliveryResponse(long id, UUID eventId, String eventType, int attempt, String status, Integer responseStatus,
        Integer durationMs, String error, Instant createdAt, Instant nextAttemptAt) {

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.attempt(),
                delivery.status(), delivery.responseStatus(), delivery.durationMs(), delivery.error(),
                delivery.createdAt(), delivery.nextAttemptAt());
    }
}
