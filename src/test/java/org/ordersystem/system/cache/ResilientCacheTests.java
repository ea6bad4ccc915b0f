package org.ordersystem.system.cache;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bookkeeping of writes that did not reach the store, against an in-memory store that
 * can be made to fail (the Redis behaviour itself is exercised by RedisFaultTests and ReplicaApiTests).
 */
class ResilientCacheTests {

    private final Store store = new Store();
    private final MovableClock clock = new MovableClock();
    private final ResilientCache cache = new ResilientCache(new OneCache(store), "orders", clock, new VersionedPut(null));

    @Test
    void aKeyWhoseWriteFailedIsNeverServedStale() {
        cache.putNewer(1L, new Entry("v1", 1, false));
        store.failing = true;
        cache.putNewer(1L, new Entry("v2", 2, false)); // lost: the store still holds v1
        store.failing = false;
        clock.advance(Duration.ofSeconds(6));

        assertThat(cache.get(1L, Entry.class)).isNull();
        assertThat(store.peek(1L)).isNull();
    }

    @Test
    void afterALongOutageTheWholeCacheIsClearedBeforeAnythingIsServed() {
        for (long key = 0; key < 2_000; key++) {
            cache.putNewer(key, new Entry("old", 1, false));
        }
        store.failing = true;
        for (long key = 0; key < 1_500; key++) {
            cache.putNewer(key, new Entry("new", 2, false)); // each lost or skipped: more than are worth tracking one by one
        }
        store.failing = false;
        clock.advance(Duration.ofSeconds(6));

        assertThat(cache.get(1_999L, Entry.class)).isNull();
        assertThat(store.size()).isZero();
        cache.putNewer(7L, new Entry("fresh", 1, false));
        assertThat(cache.get(7L, Entry.class)).isEqualTo(new Entry("fresh", 1, false));
    }

    @Test
    void unsureKeysAreSettledAFewAtATime() {
        store.failing = true;
        for (long key = 0; key < 120; key++) {
            cache.putNewer(key, new Entry("lost", 1, false));
        }
        store.failing = false;
        clock.advance(Duration.ofSeconds(6));

        assertThat(cache.get(500L, Entry.class)).isNull(); // a plain miss that settles some keys
        assertThat(store.evictions).isBetween(1, 50);
        for (int read = 0; read < 5; read++) {
            cache.get(500L, Entry.class);
        }
        assertThat(store.evictions).isEqualTo(120);
        cache.putNewer(3L, new Entry("fresh", 1, false));
        assertThat(cache.get(3L, Entry.class)).isEqualTo(new Entry("fresh", 1, false));
    }

    @Test
    void anOlderVersionOrAnythingAfterTheDeletionChangesNothing() {
        ResilientCache local = new ResilientCache(new OneCache(new CaffeineCache("orders", Caffeine.newBuilder().build())),
                "orders", clock, new VersionedPut(null));

        local.putNewer(1L, new Entry("second", 2, false));
        local.putNewer(1L, new Entry("first", 1, false)); // committed first, its after-commit write ran last
        assertThat(local.get(1L, Entry.class)).isEqualTo(new Entry("second", 2, false));
        local.putNewer(1L, new Entry("third", 3, false));
        assertThat(local.get(1L, Entry.class)).isEqualTo(new Entry("third", 3, false));
        local.putNewer(1L, new Entry("deleted", -1, true));
        local.putNewer(1L, new Entry("fourth", 4, false));
        assertThat(local.get(1L, Entry.class)).isEqualTo(new Entry("deleted", -1, true));
    }

    /** A cached value as the order cache holds it: with its version, or its deletion. */
    record Entry(String text, long version, boolean deleted) implements Versioned {
    }

    /** An in-memory store that throws while {@code failing}, as a Redis that does not answer would. */
    private static final class Store extends ConcurrentMapCache {

        volatile boolean failing;
        int evictions;

        Store() {
            super("orders");
        }

        Object peek(Object key) {
            ValueWrapper value = super.get(key);
            return value == null ? null : value.get();
        }

        int size() {
            return getNativeCache().size();
        }

        private void check() {
            if (failing) {
                throw new IllegalStateException("store unavailable");
            }
        }

        @Override
        public ValueWrapper get(Object key) {
            check();
            return super.get(key);
        }

        @Override
        public <T> T get(Object key, Class<T> type) {
            check();
            return super.get(key, type);
        }

        @Override
        public <T> T get(Object key, Callable<T> loader) {
            check();
            return super.get(key, loader);
        }

        @Override
        public void put(Object key, Object value) {
            check();
            super.put(key, value);
        }

        @Override
        public ValueWrapper putIfAbsent(Object key, Object value) {
            check();
            return super.putIfAbsent(key, value);
        }

        @Override
        public void evict(Object key) {
            check();
            evictions++;
            super.evict(key);
        }

        @Override
        public void clear() {
            check();
            super.clear();
        }
    }

    private record OneCache(Cache cache) implements CacheManager {

        @Override
        public Cache getCache(String name) {
            return cache;
        }

        @Override
        public Collection<String> getCacheNames() {
            return List.of(cache.getName());
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-24T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
