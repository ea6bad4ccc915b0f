package org.ordersystem.system.cache;

import java.time.Clock;
import java.time.Duration;
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
 * (after a commit) are skipped for a much shorter time; a key whose write failed or was
 * skipped is "unsure": this replica never serves or refills it until it has been evicted once
 * the store answers again, so a lost write cannot leave a stale entry behind for it. (Other
 * replicas may read such an entry until then: README, "When Redis fails".)
 */
public final class ResilientCache {

    private static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(5);
    /** Writes wait less: one that is skipped while the store has in fact returned leaves an old value there. */
    private static final Duration SKIP_WRITES_AFTER_FAILURE = Duration.ofMillis(250);
    private static final int MAX_UNSURE_KEYS = 1_000;
    private static final int EVICTIONS_PER_READ = 50;
    private static final Logger log = LoggerFactory.getLogger(ResilientCache.class);

    private final CacheManager manager;
    private final String name;
    private final VersionedPut versioned;
    private final OutageLog outage;
    /** Keys whose last write after a commit failed: the store may hold an older value for them. */
    private final Set<Object> unsure = ConcurrentHashMap.newKeySet();
    /** More unsure keys than are worth tracking (a long outage): the whole cache is suspect. */
    private volatile boolean overflowed;

    ResilientCache(CacheManager manager, String name, Clock clock, VersionedPut versioned) {
        this(manager, name, versioned, outageLog("cache '" + name + "'", clock));
    }

    /** A cache that shares its store's outage with the other caches on that store. */
    ResilientCache(CacheManager manager, String name, VersionedPut versioned, OutageLog outage) {
        this.manager = manager;
        this.name = name;
        this.versioned = versioned;
        this.outage = outage;
    }

    static OutageLog outageLog(String what, Clock clock) {
        return new OutageLog(log, what, clock, SKIP_AFTER_FAILURE);
    }

    /** The cached value, or null on a miss or a failing store. */
    public <T> T get(Object key, Class<T> type) {
        if (mayBeStale(key)) {
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

    /**
     * A write after a commit: stores the value unless the store holds a newer version of it or
     * its deletion (written by a transaction that committed later but got here first).
     */
    public void putNewer(Object key, Versioned value) {
        write(key, () -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                versioned.put(cache, key, value);
            }
        });
    }

    /** A removal after a commit: the next read loads what the commit wrote. */
    public void evict(Object key) {
        write(key, () -> {
            Cache cache = manager.getCache(name);
            if (cache != null) {
                cache.evict(key);
            }
        });
    }

    /** A fill after a read: stores the value unless one is there already (written after a commit). */
    public void putIfAbsent(Object key, Object value) {
        if (mayBeStale(key)) {
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

    /** A read, or a fill after a read: skipped while the store is known to be failing. */
    private <T> T read(Supplier<T> action) {
        if (outage.skipping()) {
            return null;
        }
        try {
            T result = action.get();
            outage.succeeded();
            settleUnsureKeys();
            return result;
        }
        catch (RuntimeException ex) {
            outage.failed(ex);
            return null;
        }
    }

    /**
     * A write is skipped only within a quarter of a second of a failure, not for the reads'
     * five seconds: a write skipped while the store had in fact returned would leave the old
     * value there for every other replica. During an outage, so, about one write in each
     * quarter second waits for the timeout; the others go on at once.
     */
    private void write(Object key, Runnable action) {
        if (outage.failedWithin(SKIP_WRITES_AFTER_FAILURE)) {
            markUnsure(key);
            return;
        }
        try {
            action.run();
            unsure.remove(key);
            outage.succeeded();
        }
        catch (RuntimeException ex) {
            markUnsure(key);
            outage.failed(ex);
        }
    }

    private boolean mayBeStale(Object key) {
        return overflowed || unsure.contains(key);
    }

    private void markUnsure(Object key) {
        if (overflowed) {
            return;
        }
        if (unsure.size() >= MAX_UNSURE_KEYS) {
            overflowed = true;
            unsure.clear();
            return;
        }
        unsure.add(key);
    }

    /**
     * Once the store answers again, removes what failed or skipped writes may have left behind:
     * a few keys per read, so no single request pays for a long outage, or the whole cache
     * after an overflow. Keys still unsure are never served meanwhile.
     */
    private void settleUnsureKeys() {
        Cache cache = manager.getCache(name);
        if (cache == null) {
            return;
        }
        if (overflowed) {
            overflowed = false; // before clearing, so that a write failing meanwhile is tracked again
            try {
                cache.clear();
            }
            catch (RuntimeException ex) {
                overflowed = true;
                throw ex;
            }
            return;
        }
        if (unsure.isEmpty()) {
            return;
        }
        List<Object> keys = List.copyOf(unsure);
        for (Object key : keys.subList(0, Math.min(keys.size(), EVICTIONS_PER_READ))) {
            cache.evict(key);
            unsure.remove(key);
        }
    }

}
