package org.ordersystem.system.cache;

import java.time.Clock;

import org.springframework.cache.CacheManager;

/** Makes the {@link ResilientCache} of a declared cache, over the store CACHE_TYPE chose. */
public final class ResilientCaches {

    private final CacheManager manager;
    private final VersionedPut versioned;
    /**
     * One store, one outage: once a call to one cache has found the store failing, the calls to
     * the others skip it as well instead of each waiting for the timeout (a write that refreshes
     * two caches after its commit would otherwise wait twice).
     */
    private final OutageLog outage;

    ResilientCaches(CacheManager manager, Clock clock, VersionedPut versioned) {
        this.manager = manager;
        this.versioned = versioned;
        this.outage = ResilientCache.outageLog("caches", clock);
    }

    public ResilientCache named(String name) {
        return new ResilientCache(manager, name, versioned, outage);
    }
}
