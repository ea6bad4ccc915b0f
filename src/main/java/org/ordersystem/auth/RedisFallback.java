package org.ordersystem.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ordersystem.system.cache.OutageLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a Redis call, or the in-process fallback when Redis is not configured or not
 * answering. After a failure Redis is left alone for a moment, so that requests do not
 * each wait for its timeout; an outage is logged once, when it starts, and once when it ends.
 */
@Component
class RedisFallback {

    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RedisFallback.class);

    private final StringRedisTemplate redis;
    private final OutageLog outage;

    @Autowired
    RedisFallback(ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        this(redis.getIfAvailable(), clock);
    }

    /** {@code redis} is null when REDIS_URL is not set. */
    RedisFallback(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.outage = new OutageLog(log, "login limits and revoked tokens", clock, PAUSE_AFTER_FAILURE);
    }

    <T> T call(Function<StringRedisTemplate, T> action, Supplier<T> fallback) {
        if (redis == null || outage.skipping()) {
            return fallback.get();
        }
        try {
            T result = action.apply(redis);
            outage.succeeded();
            return result;
        }
        catch (DataAccessException ex) {
            outage.failed(ex);
            return fallback.get();
        }
    }
}
