package org.ordersystem.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * A named cache that never fails its caller. A failing store (Redis down or slower than
 * its timeout) counts as a miss; after a failure, reads skip the store for a few seconds,
 * so requests do not each wait for the timeout, and the outage is logged once. Writes
 * (after a commit) are always attempted: a lost eviction would leave a stale entry.
 */
public final class ResilientCache {

    private static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ResilientCache.class);

    private final CacheManager manager;
    private final String name;
    private final Clock clock;
    private final OutageLog outage;
    private volatile Instant retryAt = Instant.MIN;

    public ResilientCache(CacheManager manager, String name, Clock clock) {
        this.manager = manager;
        this.name = name;
        this.clock = clock;
        this.outage = new OutageLog(log, "cache '" + name + "'");
    }

    /** The cached value, or null on a miss or a failing store. */
    public <T> T get(Object key, Class<T> type) {
        return read(() -> {
            Cache cache = manager.getCache(name);
            return cache == null ? null : cache.get(key, type);
        });
    }

    public void put(Object key, Object value) {
        write(() -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.put(key, value);
            }
        });
    }

    /** Stores the value unless one is there already (a fresher one written after a commit). */
    public void putIfAbsent(Object key, Object value) {
        read(() -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.putIfAbsent(key, value);
            }
            return null;
        });
    }

    public void evict(Object key) {
        write(() -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.evict(key);
            }
        });
    }

    /** A read, or a fill after a read: skipped while the store is known to be failing. */
    private <T> T read(Supplier<T> action) {
        if (outage.isDown() && clock.instant().isBefore(retryAt)) {
            return null;
        }
        try {
            T result = action.get();
            outage.succeeded();
            return result;
        }
        catch (RuntimeException ex) {
            failed(ex);
            return null;
        }
    }

    /** A write is always attempted; only a read that answers ends an outage. */
    private void write(Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException ex) {
            failed(ex);
        }
    }

    private void failed(RuntimeException ex) {
        retryAt = clock.instant().plus(SKIP_AFTER_FAILURE);
        outage.failed(ex);
    }
}
