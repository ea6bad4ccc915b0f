package org.ordersystem.system.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * The state of a dependency outage (Redis, for one of its users): logged once when it
 * starts and once when it ends, however many calls fail in between; and, after each
 * failure, a window in which callers skip the dependency, so that a hung Redis does not
 * cost every request its timeout.
 */
public final class OutageLog {

    private final Logger log;
    private final String what;
    private final Clock clock;
    private final Duration skipAfterFailure;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile Instant retryAt = Instant.MIN;
    private volatile Instant lastFailure = Instant.MIN;

    public OutageLog(Logger log, String what, Clock clock, Duration skipAfterFailure) {
        this.log = log;
        this.what = what;
        this.clock = clock;
        this.skipAfterFailure = skipAfterFailure;
    }

    public void failed(Exception cause) {
        Instant now = clock.instant();
        lastFailure = now;
        retryAt = now.plus(skipAfterFailure);
        if (down.compareAndSet(false, true)) {
            log.warn("Redis unavailable for the {}: falling back until it returns ({})", what, cause.toString());
        }
    }

    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info("Redis is back for the {}", what);
        }
    }

    /** Whether a call should not even try: the dependency failed less than the skip window ago. */
    public boolean skipping() {
        return down.get() && clock.instant().isBefore(retryAt);
    }

    /** Whether the dependency is down and failed less than {@code window} ago (a shorter skip window). */
    public boolean failedWithin(Duration window) {
        return down.get() && clock.instant().isBefore(lastFailure.plus(window));
    }
}
