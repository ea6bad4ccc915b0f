package org.ordersystem.ratelimit;

import java.util.ArrayList;
import java.util.List;

import org.ordersystem.system.cache.LuaScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Buckets in Redis, shared by every replica. All buckets of a subject are checked and
 * taken by one Lua script, one round trip, which can take several tokens at once for a
 * replica's lease ({@link LeasedBucketStore}). Keys carry a format version and a hash tag.
 */
class RedisBucketStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = LuaScripts.of("ratelimit/take.lua", List.class);

    private final StringRedisTemplate redis;

    RedisBucketStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Takes up to {@code wanted} tokens from every bucket of {@code subject}: as many as all of them hold. */
    Grant grant(String subject, List<Rate> rates, long wanted) {
        List<String> keys = new ArrayList<>(rates.size());
        Object[] args = new Object[rates.size() * 2 + 1];
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = rates.get(i);
            keys.add("order-backend:rl:v1:{" + subject + "}:" + rate.permits() + "/" + rate.period().toMillis());
            args[2 * i] = Long.toString(rate.permits());
            args[2 * i + 1] = Long.toString(rate.period().toMillis());
        }
        args[args.length - 1] = Long.toString(wanted);
        // Spring Data Redis sends EVALSHA, and EVAL when Redis does not know the script (yet, or after a restart)
        List<?> result = redis.execute(TAKE, keys, args);
        return new Grant(number(result, 0), number(result, 1), Math.max(0, number(result, 2)), number(result, 3),
                number(result, 4));
    }

    private static long number(List<?> result, int index) {
        return ((Number) result.get(index)).longValue();
    }
}
