package org.ordersystem.auth;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.ordersystem.user.MovingClock;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The guard's rules on its in-process counters (no Redis configured). */
class LoginGuardTests {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final LoginGuard guard = new LoginGuard((StringRedisTemplate) null, clock);

    @Test
    void locksAnEmailAfterFiveFailuresWhateverTheAddress() {
        for (int i = 0; i < 5; i++) {
            guard.begin("victim@orders.test", "198.51.100." + i);
        }

        TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class,
                () -> guard.begin("victim@orders.test", "198.51.100.77"));
        assertThat(refused.retryAfterSeconds()).isEqualTo(900);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("900");
        assertThatCode(() -> guard.begin("other@orders.test", "198.51.100.77")).doesNotThrowAnyException();
    }

    @Test
    void locksAnAddressAfterTwentyFailuresWhateverTheEmail() {
        for (int i = 0; i < 20; i++) {
            guard.begin("user" + i + "@orders.test", "203.0.113.5");
        }

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> guard.begin("fresh@orders.test", "203.0.113.5")))
                .isNotNull();
        assertThatCode(() -> guard.begin("fresh@orders.test", "203.0.113.6")).doesNotThrowAnyException();
    }

    @Test
    void successForgivesTheEmailButNotAnotherAddresssFailures() {
        for (int i = 0; i < 19; i++) {
            guard.begin("user" + i + "@orders.test", "203.0.113.9");
        }
        for (int i = 0; i < 4; i++) {
            guard.begin("alice@orders.test", "203.0.113.10");
        }
        guard.begin("alice@orders.test", "192.0.2.1");
        guard.succeeded("alice@orders.test", "192.0.2.1");

        guard.begin("another@orders.test", "203.0.113.9");
        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> guard.begin("more@orders.test", "203.0.113.9")))
                .as("the 21st failure from 203.0.113.9").isNotNull();
        for (int i = 0; i < 5; i++) {
            guard.begin("alice@orders.test", "203.0.113.10");
        }
        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> guard.begin("alice@orders.test", "192.0.2.1")))
                .isNotNull();
    }

    @Test
    void refusalsDoNotCountAsFailures() {
        for (int i = 0; i < 5; i++) {
            guard.begin("locked@orders.test", "203.0.113.20");
        }
        for (int i = 0; i < 30; i++) {
            catchThrowableOfType(TooManyAttempts.class, () -> guard.begin("locked@orders.test", "203.0.113.20"));
        }

        assertThatCode(() -> {
            for (int i = 0; i < 15; i++) {
                guard.begin("other" + i + "@orders.test", "203.0.113.20");
            }
        }).as("5 failures and 15 more make 20: the refusals in between were not counted").doesNotThrowAnyException();
    }

    @Test
    void unlocksWhenTheWindowHasPassedAndTellsHowLongUntilThen() {
        for (int i = 0; i < 5; i++) {
            guard.begin("patient@orders.test", "203.0.113.30");
            clock.advance(Duration.ofMinutes(1));
        }

        TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class,
                () -> guard.begin("patient@orders.test", "203.0.113.30"));
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());

        clock.advance(Duration.ofMinutes(10));
        assertThatCode(() -> guard.begin("patient@orders.test", "203.0.113.30")).doesNotThrowAnyException();
    }
}
