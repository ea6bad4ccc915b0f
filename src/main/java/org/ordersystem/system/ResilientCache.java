package org.ordersystem.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Keys whose last write after a commit failed: the store may hold an older value for them. */
    private final Set<Object> unsure = ConcurrentHashMap.newKeySet();

    public ResilientCache(CacheManager manager, String name, Clock clock) {
        this.manager = manager;
        this.name = name;
        this.clock = clock;
        this.outage = new OutageLog(log, "cache '" + name + "'");
    }

    /** The cached value, or null on a miss or a failing store. */
    public <T> T get(Object key, Class<T> type) {
        if (unsure.contains(key)) {
            // never serve what a failed write may have left behind; remove it first
            read(() -> {
                Cache cache = manager.getCache(name);
                if (cache != null) {
                    cache.evict(key);
                }
                unsure.remove(key);
                return null;
            });
            return null;
        }
        return read(() -> {
            Cache cache = manager.getCache(name);
            return cache == null ? null : cache.get(key, type);
        });
    }

    public void put(Object key, Object value) {
        write(key, () -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.put(key, value);
            }
        });
    }

    /** Stores the value unless one is there already (a fresher one written after a commit). */
    public void putIfAbsent(Object key, Object value) {
        if (unsure.contains(key)) {
            return;
        }
        read(() -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.putIfAbsent(key, value);
            }
            return null;
        });
    }

    public void evict(Object key) {
        write(key, () -> {
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
            settleUnsureKeys();
            return result;
        }
        catch (RuntimeException ex) {
            failed(ex);
            return null;
        }
    }

    /** A write is always attempted; only a read that answers ends an outage. */
    private void write(Object key, Runnable action) {
        if (outage.isDown() && clock.instant().isBefore(retryAt)) {
            // the store is failing: do not wait for it; the key is evicted before it is served again
            unsure.add(key);
            return;
        }
        try {
            action.run();
            unsure.remove(key);
        }
        catch (RuntimeException ex) {
            unsure.add(key);
            failed(ex);
        }
    }

    /** Once the store answers again, removes what failed or skipped writes may have left behind. */
    private void settleUnsureKeys() {
        if (unsure.isEmpty()) {
            return;
        }
        Cache cache = manager.getCache(name);
        for (Object key : List.copyOf(unsure)) {
            if (cache != null) {
                cache.evict(key);
            }
            unsure.remove(key);
        }
    }

    private void failed(RuntimeException ex) {
        retryAt = clock.instant().plus(SKIP_AFTER_FAILURE);
        outage.failed(ex);
    }
}
