package org.ordersystem.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window attempt counters in this instance's memory: the fallback while Redis is away. */
final class LocalAttemptCounters {

    private static final int PURGE_ABOVE = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalAttemptCounters(Clock clock) {
        this.clock = clock;
    }

    AttemptCounter increment(String key, Duration length) {
        Instant now = clock.instant();
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(window -> !window.endsAt().isAfter(now));
        }
        Window window = windows.compute(key, (k, current) -> current == null || !current.endsAt().isAfter(now)
                ? new Window(1, now.plus(length)) : new Window(current.count() + 1, current.endsAt()));
        return new AttemptCounter(window.count(), Duration.between(now, window.endsAt()));
    }

    void decrement(String key) {
        windows.computeIfPresent(key, (k, current) -> current.count() <= 1 ? null
                : new Window(current.count() - 1, current.endsAt()));
    }

    void reset(String key) {
        windows.remove(key);
    }

    private record Window(long count, Instant endsAt) {
    }
}
