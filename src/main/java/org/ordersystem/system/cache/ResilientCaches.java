package org.ordersystem.system.cache;

import java.time.Clock;

import org.springframework.cache.CacheManager;

/** Makes the {@link ResilientCache} of a declared cache, over the store CACHE_TYPE chose. */
public final class ResilientCaches {

    private final CacheManager manager;
    private final Clock clock;
    private final VersionedPut versioned;

    ResilientCaches(CacheManager manager, Clock clock, VersionedPut versioned) {
        this.manager = manager;
        this.clock = clock;
        this.versioned = versioned;
    }

    public ResilientCache named(String name) {
        return new ResilientCache(manager, name, clock, versioned);
    }
}
