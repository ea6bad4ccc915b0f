package org.ordersystem.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.ordersystem.ratelimit.Rate;

/** Bucket4j buckets in this process: the store without Redis, and the fallback while Redis is down. */
class LocalBucketStore implements BucketStore {

    private static final int MAX_SUBJECTS = 100_000;

    /** Least recently used subjects are forgotten first, so memory stays bounded. */
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_SUBJECTS;
        }
    };

    @Override
    public Decision take(String subject, List<Rate> rates) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(subject, key -> newBucket(rates));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Rate tightest = rates.stream().min((a, b) -> Double.compare(perSecond(a), perSecond(b))).orElseThrow();
        return new Decision(probe.isConsumed(), tightest.permits(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill()));
    }

    private static Bucket newBucket(List<Rate> rates) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Rate rate : rates) {
            builder.addLimit(Bandwidth.builder().capacity(rate.permits()).refillGreedy(rate.permits(), rate.period())
                    .build());
        }
        return builder.build();
    }

    private static double perSecond(Rate rate) {
        return (double) rate.permits() / rate.period().toSeconds();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
