package org.ordersystem.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code webhooks.deliveries} (attempts by {@code outcome}: succeeded, failed),
 * {@code webhooks.delivery.duration}, {@code webhooks.endpoints.deactivated}, and two gauges
 * every replica reads from the shared outbox: {@code webhooks.pending} (attempts waiting, due
 * or scheduled, of active endpoints) and {@code webhooks.oldest.pending.age} (how long the
 * oldest due attempt has waited past its time: the workers' lag).
 */
class WebhookMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Timer duration;
    private final Counter deactivated;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        this.succeeded = deliveries(registry, "succeeded");
        this.failed = deliveries(registry, "failed");
        this.duration = Timer.builder("webhooks.delivery.duration")
                .description("Time of a webhook delivery attempt, until the answer or the failure")
                .register(registry);
        this.deactivated = Counter.builder("webhooks.endpoints.deactivated")
                .description("Webhook endpoints deactivated after failing for the whole retry period")
                .register(registry);
        Gauge.builder("webhooks.pending", pending, AtomicLong::get)
                .description("Webhook delivery attempts waiting in the outbox (due or scheduled) of active endpoints")
                .register(registry);
        Gauge.builder("webhooks.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest due webhook delivery attempt has waited past its time")
                .register(registry);
    }

    private static Counter deliveries(MeterRegistry registry, String outcome) {
        return Counter.builder("webhooks.deliveries").tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome").register(registry);
    }

    void attempted(AttemptResult result) {
        (result.succeeded() ? succeeded : failed).increment();
        duration.record(Duration.ofMillis(result.durationMs()));
    }

    void deactivated() {
        deactivated.increment();
    }

    void backlog(long pendingCount, Duration oldestAge) {
        pending.set(pendingCount);
        oldestPendingAgeSeconds.set(Math.max(0, oldestAge.toSeconds()));
    }
}
