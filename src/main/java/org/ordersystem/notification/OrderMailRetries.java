package org.ordersystem.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Gets every e-mail out eventually: at start-up and then every {@code retry-interval} it
 * resubmits the failed publications of the e-mail listeners whose backoff has passed (at
 * start-up without waiting for it), after first releasing attempts that were lost with the
 * instance running them. One replica at a time does this. Completed publications are deleted
 * once older than {@code retention}.
 */
class OrderMailRetries implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OrderMailRetries.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final MailOutbox outbox;
    private final OrderMailMetrics metrics;
    private final OrderMailProperties properties;
    private final RetryBackoff backoff;
    private final Clock clock;

    OrderMailRetries(IncompleteEventPublications incomplete, CompletedEventPublications completed, MailOutbox outbox,
            OrderMailMetrics metrics, OrderMailProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.outbox = outbox;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new RetryBackoff(properties.initialBackoff(), properties.maxBackoff());
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addOneTimeTask(() -> retry(true), Duration.ZERO);
        registrar.addFixedDelayTask(
                new FixedDelayTask(() -> retry(false), properties.retryInterval(), properties.retryInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::deleteCompleted, CLEANUP_INTERVAL, Duration.ofMinutes(1)));
    }

    /** One retry run; {@code startup} retries every failed e-mail at once, whatever its backoff. */
    void retry(boolean startup) {
        try {
            metrics.pending(outbox.pending());
            outbox.exclusively(() -> resubmit(startup));
        }
        catch (RuntimeException ex) {
            // the database is unreachable, most likely; the next run tries again
            log.warn("Order e-mail retry run failed ({})", OrderMailListener.kinds(ex));
        }
    }

    private void resubmit(boolean startup) {
        Instant now = clock.instant();
        int lost = outbox.releaseLostAttempts(now.minus(properties.stuckAfter()));
        if (lost > 0) {
            log.warn("{} order e-mail attempt(s) did not finish within {} and will be retried", lost,
                    properties.stuckAfter());
        }
        Set<UUID> due = outbox.failed().stream()
                .filter(failed -> startup || backoff.due(failed.attempts(), failed.lastAttempt(), now))
                .map(MailOutbox.Failed::id).collect(Collectors.toSet());
        if (!due.isEmpty()) {
            // the registry marks each one RESUBMITTED (skipping any another replica just did) and calls the listener
            incomplete.resubmitIncompletePublications(publication -> due.contains(publication.getIdentifier())
                    && publication.getStatus() == EventPublication.Status.FAILED);
        }
    }

    void deleteCompleted() {
        try {
            completed.deletePublicationsOlderThan(properties.retention());
        }
        catch (RuntimeException ex) {
            log.warn("Deleting completed event publications failed ({})", OrderMailListener.kinds(ex));
        }
    }
}
