package org.ordersystem.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed e-mail is due again: {@code initial} after the first attempt, twice as long
 * after each further one, never longer than {@code max}, counted from when the last attempt
 * started (Modulith's {@code completion_attempts} and {@code last_resubmission_date}).
 */
record RetryBackoff(Duration initial, Duration max) {

    Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    boolean due(int attempts, Instant lastAttempt, Instant now) {
        return !now.isBefore(lastAttempt.plus(after(attempts)));
    }
}
