package org.ordersystem.system.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Writes a {@link Versioned} value in one atomic step on the store: in Redis a script that
 * compares the versions, in process a map merge. Two transactions that commit one after the
 * other may run their after-commit writes in the other order; the older one then changes nothing.
 */
final class VersionedPut {

    private static final RedisScript<Long> PUT_NEWER = LuaScripts.of("cache/put-newer.lua", Long.class);

    /** Null when there is no Redis: then no cache is a {@link RedisCache}. */
    private final StringRedisTemplate redis;

    VersionedPut(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void put(Cache cache, Object key, Versioned value) {
        if (cache instanceof RedisCache shared) {
            putInRedis(shared, key, value);
        }
        else if (cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> local) {
            merge(local.asMap(), key, value);
        }
        else {
            cache.put(key, value); // no store (CACHE_TYPE=none)
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(ConcurrentMap<?, ?> map, Object key, Versioned value) {
        ((ConcurrentMap<Object, Object>) map).merge(key, value,
                (held, offered) -> Versioned.replaces(value, held) ? offered : held);
    }

    private void putInRedis(RedisCache cache, Object key, Versioned value) {
        RedisCacheConfiguration config = cache.getCacheConfiguration();
        String entry = config.getKeyPrefixFor(cache.getName())
                + config.getConversionService().convert(key, String.class);
        ByteBuffer json = config.getValueSerializationPair().write(value);
        Duration timeToLive = config.getTtlFunction().getTimeToLive(key, value);
        redis.execute(PUT_NEWER, List.of(entry), StandardCharsets.UTF_8.decode(json).toString(),
                Long.toString(value.version()), value.deleted() ? "1" : "0",
                Long.toString(Math.max(0, timeToLive.toMillis())));
    }
}
