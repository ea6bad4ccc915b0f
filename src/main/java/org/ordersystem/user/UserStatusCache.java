package org.ordersystem.user;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.data.AfterCommit;
import org.ordersystem.system.cache.ResilientCache;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The per-request status lookup of the caller, in the application's "user-status" cache
 * (Redis when configured, so that every replica sees an eviction; entries live a minute).
 * A failing cache is a miss: the status is then read from PostgreSQL.
 */
@Component
class UserStatusCache {

    static final String NAME = "user-status";
    private static final int EVICTION_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(UserStatusCache.class);

    private final CacheManager cacheManager;
    private final ResilientCache cache;

    UserStatusCache(CacheManager cacheManager, Clock clock) {
        this.cacheManager = cacheManager;
        this.cache = new ResilientCache(cacheManager, NAME, clock);
    }

    Optional<UserStatus> get(long id, LongFunction<Optional<UserStatus>> loader) {
        UserStatus cached = cache.get(id, UserStatus.class);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UserStatus> loaded = loader.apply(id);
        loaded.ifPresent(status -> cache.put(id, status));
        return loaded;
    }

    /** After the commit, so that no reader can cache the old state again in between. */
    void evict(long id) {
        AfterCommit.run(() -> evictNow(id));
    }

    /**
     * Tried even while reads skip a failing cache, and tried again: a lost eviction would let
     * other replicas serve the old status (an active account just deactivated, a session just
     * ended) until the entry expires. If it still fails, the key is left to the resilient
     * cache as unsure, so that this replica never serves the old entry once Redis is back.
     */
    private void evictNow(long id) {
        Cache store = cacheManager.getCache(NAME);
        for (int attempt = 1; store != null && attempt <= EVICTION_ATTEMPTS; attempt++) {
            try {
                store.evict(id);
                return;
            }
            catch (RuntimeException ex) {
                if (attempt == EVICTION_ATTEMPTS) {
                    log.warn("Could not evict the cached status of user {} ({}); other replicas may serve the old "
                            + "status until the entry expires", id, ex.toString());
                }
            }
        }
        cache.evict(id);
    }
}
