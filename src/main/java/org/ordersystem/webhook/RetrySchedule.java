package org.ordersystem.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed event is tried again: {@code delays[n-1]} after its n-th failed attempt (the
 * last delay repeating), for {@code retryFor} from the first attempt. The last retry is made at
 * that limit rather than skipped, so an endpoint is retried for the whole period; an attempt
 * failing at or after the limit is the last one.
 */
record RetrySchedule(List<Duration> delays, Duration retryFor) {

    RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The next attempt after attempt number {@code attempt} failed at {@code failedAt}, or empty when none is left. */
    Optional<Instant> next(int attempt, Instant firstAttemptAt, Instant failedAt) {
        Instant deadline = firstAttemptAt.plus(retryFor);
        if (!failedAt.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = failedAt.plus(delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
