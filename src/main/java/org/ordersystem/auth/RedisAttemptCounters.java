package org.ordersystem.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The same fixed-window counters in Redis, shared by every instance; each step is one atomic script. */
final class RedisAttemptCounters {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local remaining = redis.call('PTTL', KEYS[1])
            if remaining < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              remaining = tonumber(ARGV[1])
            end
            return {count, remaining}""", List.class);

    private static final RedisScript<Long> DECREMENT = RedisScript.of("""
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
              return redis.call('DECR', KEYS[1])
            end
            return 0""", Long.class);

    private RedisAttemptCounters() {
    }

    static AttemptCounter increment(StringRedisTemplate redis, String key, Duration length) {
        List<?> result = redis.execute(INCREMENT, List.of(key), Long.toString(length.toMillis()));
        return new AttemptCounter(((Number) result.get(0)).longValue(),
                Duration.ofMillis(((Number) result.get(1)).longValue()));
    }

    static void decrement(StringRedisTemplate redis, String key) {
        redis.execute(DECREMENT, List.of(key));
    }

    static void reset(StringRedisTemplate redis, String key) {
        redis.delete(key);
    }
}
