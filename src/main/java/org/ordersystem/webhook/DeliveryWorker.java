package org.ordersystem.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ordersystem.webhook.DeliveryOutbox.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the outbox holds, on every replica: every {@code poll-interval} it claims as
 * many due attempts as it has free slots (a lease: another replica takes an attempt over once
 * the lease has expired, so the work of a replica that died is not lost), makes them in
 * parallel, and records each outcome with the next attempt of a failure in one transaction.
 * When an event's retries are exhausted the endpoint is deactivated.
 */
class DeliveryWorker implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration BACKLOG_INTERVAL = Duration.ofSeconds(15);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final int CLEANUP_BATCH = 10_000;

    private final DeliveryOutbox outbox;
    private final WebhookEndpoints endpoints;
    private final WebhookHttpClient http;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transactions;
    private final RetrySchedule retries;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService senders;

    DeliveryWorker(DeliveryOutbox outbox, WebhookEndpoints endpoints, WebhookHttpClient http, WebhookMetrics metrics,
            TransactionTemplate transactions, WebhookProperties properties, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.http = http;
        this.metrics = metrics;
        this.transactions = transactions;
        this.retries = new RetrySchedule(properties.retryDelays(), properties.retryFor());
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), Duration.ZERO));
        registrar.addFixedDelayTask(new FixedDelayTask(this::refreshBacklog, BACKLOG_INTERVAL, Duration.ZERO));
        registrar.addFixedDelayTask(new FixedDelayTask(this::deleteSettled, CLEANUP_INTERVAL, Duration.ofMinutes(1)));
    }

    /** One claim round; the attempts run on the sender threads. */
    void poll() {
        int free = slots.drainPermits();
        if (free == 0) {
            return;
        }
        List<Claim> claims;
        try {
            claims = outbox.claim(free, clock.instant(), properties.lease());
        }
        catch (RuntimeException ex) {
            slots.release(free);
            log.warn("Claiming webhook deliveries failed ({}); the next poll tries again",
                    ex.getClass().getSimpleName());
            return;
        }
        if (claims.size() < free) {
            slots.release(free - claims.size());
        }
        for (Claim claim : claims) {
            try {
                senders.execute(() -> {
                    try {
                        deliver(claim);
                    }
                    finally {
                        slots.release();
                    }
                });
            }
            catch (RejectedExecutionException ex) {
                // shutting down: the lease expires and a running replica makes the attempt
                slots.release();
            }
        }
    }

    private void deliver(Claim claim) {
        long timestamp = clock.instant().getEpochSecond();
        String id = claim.eventId().toString();
        AttemptResult result = attempt(claim, id, timestamp);
        metrics.attempted(result);
        try {
            transactions.executeWithoutResult(status -> record(claim, result));
        }
        catch (RuntimeException ex) {
            // the lease expires and the attempt is made again: at least once
            log.warn("Recording webhook delivery {} failed ({})", claim.deliveryId(), ex.getClass().getSimpleName());
        }
    }

    private AttemptResult attempt(Claim claim, String id, long timestamp) {
        try {
            return http.post(claim.url(), id, timestamp,
                    WebhookSigner.signature(claim.secrets(), id, timestamp, claim.payload()), claim.payload());
        }
        catch (RuntimeException ex) {
            // recorded as a failed attempt: left unrecorded, it would be claimed again and again
            return new AttemptResult(null, 0, "failed (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private void record(Claim claim, AttemptResult result) {
        Instant now = clock.instant();
        if (result.succeeded()) {
            outbox.finish(claim, "succeeded", result.responseStatus(), result.durationMs(), null, null);
            log.debug("Delivered webhook event {} to endpoint {} (attempt {})", claim.eventId(), claim.endpointId(),
                    claim.attempt());
            return;
        }
        Optional<Instant> next = claim.manual() ? Optional.empty()
                : retries.next(claim.attempt(), claim.eventCreatedAt(), now);
        if (!outbox.finish(claim, "failed", result.responseStatus(), result.durationMs(), result.error(),
                next.orElse(null))) {
            return;
        }
        log.warn("Webhook event {} to endpoint {} failed on attempt {}: {}{}", claim.eventId(), claim.endpointId(),
                claim.attempt(), result.error(), next.map(at -> "; next attempt at " + at).orElse(""));
        if (next.isPresent()) {
            outbox.schedule(claim.endpointId(), claim.eventId(), next.get(), false, now);
        }
        else if (!claim.manual() && endpoints.deactivate(claim.endpointId(), now)) {
            metrics.deactivated();
            log.error("Webhook endpoint {} deactivated: event {} could not be delivered for {}", claim.endpointId(),
                    claim.eventId(), properties.retryFor());
        }
    }

    void refreshBacklog() {
        try {
            Instant now = clock.instant();
            DeliveryOutbox.Backlog backlog = outbox.backlog(now);
            metrics.backlog(backlog.pending(),
                    backlog.oldestDue() == null ? Duration.ZERO : Duration.between(backlog.oldestDue(), now));
        }
        catch (RuntimeException ex) {
            log.warn("Reading the webhook backlog failed ({})", ex.getClass().getSimpleName());
        }
    }

    /** Old events nothing waits for any more go, with their delivery log; every replica may run it (idempotent). */
    void deleteSettled() {
        try {
            Instant before = clock.instant().minus(properties.retention());
            while (outbox.deleteSettled(before, CLEANUP_BATCH) == CLEANUP_BATCH) {
                // another batch
            }
        }
        catch (RuntimeException ex) {
            log.warn("Deleting old webhook events failed ({})", ex.getClass().getSimpleName());
        }
    }

    /** In-flight attempts get their timeout to finish; one cut short is made again after its lease. */
    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        http.close();
    }
}
