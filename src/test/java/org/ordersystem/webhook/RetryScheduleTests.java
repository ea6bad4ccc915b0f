package org.ordersystem.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Production's schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then every 10 h, for three days. */
class RetryScheduleTests {

    private static final RetrySchedule PRODUCTION = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10)), Duration.ofDays(3));
    private static final Instant FIRST = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void waitsLongerAfterEachFailureThenEveryTenHoursUntilThreeDaysHavePassed() {
        List<Duration> waits = new ArrayList<>();
        Instant failedAt = FIRST;
        int attempt = 1;
        Optional<Instant> next;
        while ((next = PRODUCTION.next(attempt, FIRST, failedAt)).isPresent()) {
            waits.add(Duration.between(failedAt, next.get()));
            failedAt = next.get();
            attempt++;
        }

        assertThat(waits.subList(0, 8)).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10), Duration.ofHours(10));
        assertThat(failedAt).as("the last attempt is made at the end of the period").isEqualTo(FIRST.plus(Duration
                .ofDays(3)));
        assertThat(attempt).isEqualTo(13);
    }

    @Test
    void noRetryOnceThePeriodIsOver() {
        assertThat(PRODUCTION.next(3, FIRST, FIRST.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(PRODUCTION.next(1, FIRST, FIRST.plus(Duration.ofDays(4)))).isEmpty();
    }
}
