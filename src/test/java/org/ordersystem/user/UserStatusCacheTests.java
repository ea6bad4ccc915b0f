package org.ordersystem.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.cache.InvalidationBus;

import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class UserStatusCacheTests {

    private static final UserStatus ALICE = new UserStatus(7, "alice@orders.test", "Alice", false, true);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();

    private UserStatusCache statusCache(CacheManager manager) {
        return inProcess(manager, clock);
    }

    /** Without Redis, as with CACHE_TYPE=simple: no near cache. */
    static UserStatusCache inProcess(CacheManager manager, Clock clock) {
        return new UserStatusCache(manager, clock, InvalidationBus.off(new SimpleMeterRegistry(), clock),
                new CacheDeclaration(UserStatusCache.NAME, UserStatus.class, Duration.ofMinutes(1), 100));
    }

    @Test
    void readsTheDatabaseOncePerUserUntilEvicted() {
        UserStatusCache cache = statusCache(new ConcurrentMapCacheManager());

        cache.get(7, this::load);
        cache.get(7, this::load);
        assertThat(loads).hasValue(1);

        cache.evict(7);
        assertThat(cache.get(7, this::load)).contains(ALICE);
        assertThat(loads).hasValue(2);
    }

    @Test
    void fallsBackToTheDatabaseWhileTheCacheFails() {
        SimpleCacheManager failing = new SimpleCacheManager();
        failing.setCaches(List.of(new BrokenCache()));
        failing.afterPropertiesSet();
        UserStatusCache cache = statusCache(failing);

        assertThat(cache.get(7, this::load)).contains(ALICE);
        assertThat(cache.get(7, this::load)).contains(ALICE);
        cache.evict(7);

        assertThat(loads).hasValue(2);
    }

    @Test
    void evictsEvenWhileReadsSkipAFailingCacheAndTriesAgain() {
        FlakyCache store = new FlakyCache();
        store.putDirectly(7, new UserStatus(7, "alice@orders.test", "Alice", false, true));
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(store));
        manager.afterPropertiesSet();
        UserStatusCache cache = statusCache(manager);

        assertThat(cache.get(7, this::load)).contains(ALICE);
        cache.evict(7);

        assertThat(store.getNativeCache()).doesNotContainKey(7L);
    }

    @Test
    void neverServesAnEntryItFailedToEvictOnceTheStoreAnswersAgain() {
        UnwritableCache store = new UnwritableCache();
        store.putDirectly(7, ALICE);
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(store));
        manager.afterPropertiesSet();
        UserStatusCache cache = statusCache(manager);

        cache.evict(7);
        store.writable = true;
        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.get(7, this::load)).contains(ALICE);
        assertThat(loads).as("read from the database, not the entry left behind").hasValue(1);
        assertThat(store.getNativeCache().get(7L)).as("refilled from the database").isEqualTo(ALICE);
    }

    private Optional<UserStatus> load(long id) {
        loads.incrementAndGet();
        return Optional.of(ALICE);
    }

    /** Fails every read, and the first eviction. */
    private static final class FlakyCache extends ConcurrentMapCache {

        private boolean evictionFailed;

        FlakyCache() {
            super(UserStatusCache.NAME);
        }

        void putDirectly(long key, Object value) {
            super.put(key, value);
        }

        @Override
        public <T> T get(Object key, Class<T> type) {
            throw new QueryTimeoutException("Redis timed out");
        }

        @Override
        public void evict(Object key) {
            if (!evictionFailed) {
                evictionFailed = true;
                throw new QueryTimeoutException("Redis timed out");
            }
            super.evict(key);
        }
    }

    /** Answers reads, but every eviction fails until it is made writable (Redis cut off for writes only). */
    private static final class UnwritableCache extends ConcurrentMapCache {

        private boolean writable;

        UnwritableCache() {
            super(UserStatusCache.NAME);
        }

        void putDirectly(long key, Object value) {
            super.put(key, value);
        }

        @Override
        public void evict(Object key) {
            if (!writable) {
                throw new QueryTimeoutException("Redis timed out");
            }
            super.evict(key);
        }
    }

    private static final class BrokenCache extends ConcurrentMapCache {

        BrokenCache() {
            super(UserStatusCache.NAME);
        }

        @Override
        public <T> T get(Object key, Class<T> type) {
            throw new QueryTimeoutException("Redis timed out");
        }

        @Override
        public void put(Object key, Object value) {
            throw new QueryTimeoutException("Redis timed out");
        }

        @Override
        public void evict(Object key) {
            throw new QueryTimeoutException("Redis timed out");
        }

        @Override
        public ValueWrapper get(Object key) {
            throw new QueryTimeoutException("Redis timed out");
        }
    }
}
