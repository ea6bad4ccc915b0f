package org.ordersystem.system.cache;

import java.time.Duration;

/**
 * A cache a module uses, declared as a bean by that module. Only declared caches exist,
 * in Redis and in process alike, each with its own time-to-live and value type.
 *
 * @param name the cache name, also part of its Redis keys
 * @param type the type of its values, which Redis holds as JSON of exactly that type
 * @param timeToLive how long an entry lives after it was written
 * @param localSize the most entries the in-process store (CACHE_TYPE=simple) keeps; a near cache
 *        keeps at most 10,000 of them
 */
public record CacheDeclaration(String name, Class<?> type, Duration timeToLive, long localSize) {

    public CacheDeclaration {
        if (name == null || name.isBlank() || type == null || timeToLive == null || timeToLive.isNegative()
                || timeToLive.isZero() || localSize < 1) {
            throw new IllegalArgumentException("a cache needs a name, a type, a positive time-to-live and a local size");
        }
    }
}
