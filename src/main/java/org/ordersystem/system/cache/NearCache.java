package org.ordersystem.system.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * An in-process copy, by id, of values a module keeps in its shared cache, answering the
 * reads that every request makes without a call to Redis. The {@link InvalidationBus} keeps
 * the copies of all replicas coherent: once {@link #changed} has returned, no replica
 * answers from its copy with the old value. With the caches in process (one replica) it is
 * a plain local cache; it is off (every read goes to the loader) with caching off, and while
 * this replica's lease on the bus has lapsed.
 * <p>
 * A load that was overtaken by a change of the same key (or by a lapse) is answered but not
 * kept, so a value read before a concurrent change can never replace that change.
 *
 * @param <V> the cached value
 */
public final class NearCache<V> {

    /** The longest an entry is kept: what bounds staleness if a writer is cut off from Redis (see the bus). */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** Per near cache, whatever the shared cache holds: in a 192 MiB heap, a few MiB each. */
    static final long MAX_ENTRIES = 10_000;
    private static final int STRIPES = 256;

    private final String name;
    private final InvalidationBus bus;
    private final Cache<Long, V> entries;
    /** Per stripe of keys, how many changes it has seen: a load keeps its result only if its stripe did not move. */
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);

    NearCache(String name, Duration timeToLive, long size, InvalidationBus bus, MeterRegistry meters) {
        this.name = name;
        this.bus = bus;
        this.entries = Caffeine.newBuilder().maximumSize(Math.min(size, MAX_ENTRIES))
                .expireAfterWrite(timeToLive.compareTo(MAX_AGE) < 0 ? timeToLive : MAX_AGE).recordStats().build();
        // the same tag keys as Spring's cache metrics, which Prometheus requires of one meter name
        CaffeineCacheMetrics.monitor(meters, entries, name, Tags.of("cache.manager", "near", "name", name));
        bus.register(this);
    }

    String name() {
        return name;
    }

    /**
     * The value for {@code key}: from this copy, or from {@code loader} (the shared cache, then
     * the database), whose non-null answer is kept. Exceptions of the loader reach the caller.
     */
    public V get(long key, LongFunction<V> loader) {
        if (!bus.serving()) {
            return loader.apply(key);
        }
        V near = entries.getIfPresent(key);
        if (near != null) {
            return near;
        }
        int stripe = stripe(key);
        long before = changes.get(stripe);
        V loaded = loader.apply(key);
        if (loaded != null && bus.serving()) {
            // atomically with the check, so that a change cannot slip in between
            entries.asMap().compute(key, (k, current) -> changes.get(stripe) == before ? loaded : current);
        }
        return loaded;
    }

    /**
     * Records a committed change of {@code key}, after the shared cache was updated: drops the
     * copies, this replica's at once, and returns once no other replica can answer with the old
     * value. (The next read takes the new value from the shared cache; putting it here instead
     * could go wrong when two commits' callbacks run in the other order.)
     */
    public void changed(long key) {
        drop(key);
        bus.changed(name, key);
    }

    void drop(long key) {
        int stripe = stripe(key);
        entries.asMap().compute(key, (k, current) -> {
            changes.incrementAndGet(stripe);
            return null;
        });
    }

    /** Invalidations may have been missed. */
    void dropAll() {
        for (int i = 0; i < STRIPES; i++) {
            changes.incrementAndGet(i);
        }
        entries.invalidateAll();
    }

    private static int stripe(long key) {
        return Long.hashCode(key) & (STRIPES - 1);
    }
}
