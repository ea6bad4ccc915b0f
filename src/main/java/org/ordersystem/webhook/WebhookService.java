package org.ordersystem.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordersystem.system.problem.InvalidField;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing endpoints (administrators only: the security filter chain admits no one else) and
 * their deliveries. Every URL passes the SSRF guard when it is set.
 */
@Transactional
public class WebhookService {

    /** How long a rotated-out secret keeps signing, so receivers can switch without losing a delivery. */
    static final Duration SECRET_OVERLAP = Duration.ofHours(24);
    static final int MAX_DESCRIPTION = 500;

    private final WebhookEndpoints endpoints;
    private final DeliveryOutbox outbox;
    private final Subscriptions subscriptions;
    private final WebhookPayloads payloads;
    private final UrlGuard guard;
    private final Clock clock;

    WebhookService(WebhookEndpoints endpoints, DeliveryOutbox outbox, Subscriptions subscriptions,
            WebhookPayloads payloads, UrlGuard guard, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.payloads = payloads;
        this.guard = guard;
        this.clock = clock;
    }

    /** A new endpoint with a new secret; the only time (with rotation) the secret is returned. */
    public WebhookEndpoint create(String url, List<String> events, String description) {
        WebhookEndpoint created = endpoints.insert(guard.check(url).toString(), description(description),
                events(events), WebhookSecret.generate(), clock.instant());
        subscriptions.changedAfterCommit();
        return created;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list() {
        return endpoints.all();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(long id) {
        return endpoints.find(id).orElseThrow(() -> new WebhookNotFound("Webhook " + id));
    }

    /** Changes what is given (null leaves it as it is). */
    public WebhookEndpoint update(long id, String url, List<String> events, String description, Boolean active) {
        WebhookEndpoint current = locked(id);
        subscriptions.changedAfterCommit();
        return endpoints.update(new WebhookEndpoint(id, url == null ? current.url() : guard.check(url).toString(),
                description == null ? current.description() : description(description),
                events == null ? current.events() : events(events), active == null ? current.active() : active,
                current.secret(), current.previousSecret(), current.previousSecretExpiresAt(), current.createdAt(),
                clock.instant()));
    }

    public void delete(long id) {
        if (!endpoints.delete(id)) {
            throw new WebhookNotFound("Webhook " + id);
        }
        subscriptions.changedAfterCommit();
    }

    /** A new secret; the one it replaces keeps signing (as a second signature) for {@link #SECRET_OVERLAP}. */
    public WebhookEndpoint rotateSecret(long id) {
        WebhookEndpoint current = locked(id);
        Instant now = clock.instant();
        return endpoints.update(new WebhookEndpoint(id, current.url(), current.description(), current.events(),
                current.active(), WebhookSecret.generate(), current.secret(), now.plus(SECRET_OVERLAP),
                current.createdAt(), now));
    }

    /** Queues a {@code webhook.test} event for this endpoint alone. */
    public void sendTest(long id) {
        WebhookEndpoint endpoint = get(id);
        Instant now = clock.instant();
        outbox.recordFor(endpoint.id(), UUID.randomUUID(), WebhookEvents.TEST, payloads.payload(WebhookEvents.TEST,
                now, Map.of("webhook_id", endpoint.id())), now);
    }

    @Transactional(readOnly = true)
    public Page<Delivery> deliveries(long id, int page, int size) {
        get(id);
        return new PageImpl<>(outbox.deliveries(id, page, size), PageRequest.of(page, size),
                outbox.countDeliveries(id));
    }

    /** One more attempt of that delivery's event, now; its failure schedules no further retry. */
    public void redeliver(long id, long deliveryId) {
        get(id);
        Delivery delivery = outbox.delivery(id, deliveryId)
                .orElseThrow(() -> new WebhookNotFound("Delivery " + deliveryId + " of webhook " + id));
        Instant now = clock.instant();
        outbox.schedule(id, delivery.eventId(), now, true, now);
    }

    private WebhookEndpoint locked(long id) {
        return endpoints.lock(id).orElseThrow(() -> new WebhookNotFound("Webhook " + id));
    }

    /** Known types only, each once, in the order given. */
    private static List<String> events(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidField("events", "must name at least one of " + WebhookEvents.SUBSCRIBABLE);
        }
        for (String event : events) {
            if (!WebhookEvents.SUBSCRIBABLE.contains(event)) {
                throw new InvalidField("events",
                        "contains an unknown event type; known: " + WebhookEvents.SUBSCRIBABLE);
            }
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidField("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }
}
