package org.ordersystem.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.system.cache.RedisFallback;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared buckets first; while Redis fails or is slow, per-instance buckets, so the
 * limiter never fails a request. After a failure Redis is skipped for a second (a hung Redis
 * would otherwise cost every request its timeout), then tried again, so it is used again as
 * soon as it answers.
 */
class FallbackBucketStore implements BucketStore {

    private final BucketStore primary;
    private final BucketStore fallback;
    private final RedisFallback redis;
    private final Counter fallbacks;

    FallbackBucketStore(BucketStore primary, BucketStore fallback, StringRedisTemplate redis, MeterRegistry meters) {
        this.primary = primary;
        this.fallback = fallback;
        this.redis = new RedisFallback(redis, "rate limiter", Duration.ofSeconds(1), Clock.systemUTC());
        this.fallbacks = Counter.builder("ratelimit.fallback")
                .description("Requests limited in process because the shared store failed").register(meters);
    }

    @Override
    public Decision take(String subject, List<Rate> rates) {
        return redis.call(template -> primary.take(subject, rates), () -> {
            fallbacks.increment();
            return fallback.take(subject, rates);
        });
    }
}
