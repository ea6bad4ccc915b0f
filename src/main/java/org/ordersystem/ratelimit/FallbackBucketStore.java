package org.ordersystem.ratelimit;

import java.util.List;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.ratelimit.Rate;
import org.ordersystem.system.cache.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis first; while Redis fails or is slow, per-instance buckets, so the limiter never
 * fails a request. After a failure Redis is skipped for a second (a hung Redis would
 * otherwise cost every request its timeout), then tried again, so it is used again as
 * soon as it answers.
 */
class FallbackBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(FallbackBucketStore.class);

    private static final Duration SKIP_AFTER_FAILURE = Duration.ofSeconds(1);

    private final BucketStore primary;
    private final BucketStore fallback;
    private final OutageLog outage = new OutageLog(log, "rate limiter", Clock.systemUTC(), SKIP_AFTER_FAILURE);
    private final Counter fallbacks;

    FallbackBucketStore(BucketStore primary, BucketStore fallback, MeterRegistry meters) {
        this.primary = primary;
        this.fallback = fallback;
        this.fallbacks = Counter.builder("ratelimit.fallback")
                .description("Requests limited in process because the shared store failed").register(meters);
    }

    @Override
    public Decision take(String subject, List<Rate> rates) {
        if (outage.skipping()) {
            fallbacks.increment();
            return fallback.take(subject, rates);
        }
        try {
            Decision decision = primary.take(subject, rates);
            outage.succeeded();
            return decision;
        }
        catch (RuntimeException ex) {
            outage.failed(ex);
            fallbacks.increment();
            return fallback.take(subject, rates);
        }
    }
}
