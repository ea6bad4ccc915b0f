package org.ordersystem.notification;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTests {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void theWaitDoublesWithEveryAttemptUpToTheMaximum() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFailedEmailIsDueOnceItsWaitHasPassedSinceTheLastAttemptStarted() {
        Instant lastAttempt = Instant.parse("2026-11-24T10:00:00Z");

        assertThat(backoff.due(2, lastAttempt, lastAttempt.plusSeconds(59))).isFalse();
        assertThat(backoff.due(2, lastAttempt, lastAttempt.plusSeconds(60))).isTrue();
        assertThat(backoff.due(1, lastAttempt, lastAttempt.plusSeconds(30))).isTrue();
    }
}
