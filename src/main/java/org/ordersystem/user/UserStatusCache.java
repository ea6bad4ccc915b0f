package org.ordersystem.user;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.data.AfterCommit;
import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.cache.InvalidationBus;
import org.ordersystem.system.cache.NearCache;
import org.ordersystem.system.cache.ResilientCache;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The per-request status lookup of the caller: a near cache in process in front of the
 * application's "user-status" cache (Redis when configured, so that every replica sees an
 * eviction; entries live a minute).
 * A failing cache is a miss: the status is then read from PostgreSQL.
 */
@Component
class UserStatusCache {

    static final String NAME = "user-status";
    private static final int EVICTION_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(UserStatusCache.class);

    private final CacheManager cacheManager;
    private final ResilientCache cache;
    private final NearCache<UserStatus> near;

    UserStatusCache(CacheManager cacheManager, Clock clock, InvalidationBus bus,
            @Qualifier("userStatusCacheDeclaration") CacheDeclaration declaration) {
        this.cacheManager = cacheManager;
        this.cache = new ResilientCache(cacheManager, NAME, clock);
        this.near = bus.nearCache(declaration);
    }

    Optional<UserStatus> get(long id, LongFunction<Optional<UserStatus>> loader) {
        return Optional.ofNullable(near.get(id, key -> {
            UserStatus cached = cache.get(key, UserStatus.class);
            if (cached != null) {
                return cached;
            }
            Optional<UserStatus> loaded = loader.apply(key);
            loaded.ifPresent(status -> cache.put(key, status));
            return loaded.orElse(null);
        }));
    }

    /**
     * After the commit, so that no reader can cache the old state again in between; returns
     * once no replica serves the old state from its near cache.
     */
    void evict(long id) {
        AfterCommit.run(() -> {
            evictNow(id);
            near.changed(id);
        });
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
