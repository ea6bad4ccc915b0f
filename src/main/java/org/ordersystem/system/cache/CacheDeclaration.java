package org.ordersystem.system.cache;

import java.time.Duration;

/**
 * A cache a module uses, declared as a bean by that module. Only declared caches exist,
 * in Redis and in process alike, each with its own time-to-live.
 *
 * @param name the cache name, also part of its Redis keys
 * @param timeToLive how long an entry lives after it was written
 * @param localSize the most entries the in-process store (CACHE_TYPE=simple) keeps
 */
public record CacheDeclaration(String name, Duration timeToLive, long localSize) {

    public CacheDeclaration {
        if (name == null || name.isBlank() || timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()
                || localSize < 1) {
            throw new IllegalArgumentException("a cache needs a name, a positive time-to-live and a local size");
        }
    }
}
