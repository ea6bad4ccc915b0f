package org.ordersystem.system.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Runs a Redis call, or its in-process fallback when Redis is not configured or not
 * answering: the one way the login guard and the rate limiter use Redis. After a failure
 * Redis is left alone for a moment, so that requests do not each wait for its timeout; an
 * outage is logged once, when it starts, and once when it ends. (Spring's caches have
 * {@link ResilientCache}, on the same {@link OutageLog}.)
 */
public final class RedisFallback {

    private static final Logger log = LoggerFactory.getLogger(RedisFallback.class);

    private final StringRedisTemplate redis;
    private final OutageLog outage;

    /**
     * @param redis the client, null when there is no Redis (the fallback always answers)
     * @param what whose calls these are, for the log
     * @param pauseAfterFailure how long calls go straight to the fallback after a failure
     */
    public RedisFallback(StringRedisTemplate redis, String what, Duration pauseAfterFailure, Clock clock) {
        this.redis = redis;
        this.outage = new OutageLog(log, what, clock, pauseAfterFailure);
    }

    public <T> T call(Function<StringRedisTemplate, T> action, Supplier<T> fallback) {
        if (redis == null || outage.skipping()) {
            return fallback.get();
        }
        try {
            T result = action.apply(redis);
            outage.succeeded();
            return result;
        }
        catch (RuntimeException ex) {
            outage.failed(ex);
            return fallback.get();
        }
    }
}
