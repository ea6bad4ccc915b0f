package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.ratelimit.Rate;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis script against a real Redis, and the in-process buckets, give the same answers;
 * a replica's leases of tokens keep the limit global and cost a round trip per lease.
 */
class BucketStoreTests {

    static LimiterRedis connection;
    static RedisBucketStore redis;
    /** The script's own answers: one token, one round trip per request. */
    static final BucketStore perRequest = (subject, rates) -> redis.grant(subject, rates, 1).decision(0);

    @BeforeAll
    static void connect() {
        connection = LimiterRedis.own(TestServices.get().redisUrl(), null, Duration.ofSeconds(5));
        redis = new RedisBucketStore(connection.template());
    }

    @AfterAll
    static void disconnect() {
        connection.destroy();
    }

    static String subject() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void redisTakesOneTokenPerRequestAndRefusesWhenEmpty() {
        assertCountsDownAndRefuses(perRequest);
    }

    @Test
    void localBucketsBehaveTheSame() {
        assertCountsDownAndRefuses(new LocalBucketStore());
    }

    private static void assertCountsDownAndRefuses(BucketStore store) {
        List<Rate> rates = List.of(new Rate(3, Duration.ofMinutes(1)));
        String subject = subject();

        for (int remaining = 2; remaining >= 0; remaining--) {
            Decision decision = store.take(subject, rates);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(3);
            assertThat(decision.remaining()).isEqualTo(remaining);
        }
        Decision refused = store.take(subject, rates);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(store.take(subject(), rates).allowed()).isTrue();
    }

    @Test
    void theTightestOfSeveralLimitsDecidesAndNoneIsChargedOnRefusal() {
        List<Rate> rates = List.of(new Rate(100, Duration.ofHours(1)), new Rate(2, Duration.ofSeconds(10)));
        String subject = subject();

        assertThat(perRequest.take(subject, rates).remaining()).isEqualTo(1);
        Decision second = perRequest.take(subject, rates);
        assertThat(second.limit()).isEqualTo(2);
        assertThat(second.remaining()).isZero();
        assertThat(perRequest.take(subject, rates).allowed()).isFalse();
        assertThat(perRequest.take(subject, List.of(new Rate(100, Duration.ofHours(1)))).remaining())
                .as("refused requests took nothing from the hourly bucket").isEqualTo(97);
    }

    @Test
    void takesAgainWhenRedisHasForgottenTheScript() {
        List<Rate> rates = List.of(new Rate(3, Duration.ofMinutes(1)));
        String subject = subject();
        assertThat(perRequest.take(subject, rates).remaining()).isEqualTo(2);
        try (RedisClient client = RedisClient.create(TestServices.get().redisUrl());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().scriptFlush(); // as after a Redis restart or failover
        }

        assertThat(perRequest.take(subject, rates).remaining()).isEqualTo(1);
    }

    @Test
    void bucketsRefillOverTime() {
        List<Rate> rates = List.of(new Rate(1, Duration.ofSeconds(1)));
        String subject = subject();
        assertThat(perRequest.take(subject, rates).allowed()).isTrue();
        assertThat(perRequest.take(subject, rates).allowed()).isFalse();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> perRequest.take(subject, rates).allowed());
    }

    @Test
    void leasesAnswerAFewRequestsPerRoundTripNearTheLimitEachRequestIsCounted() {
        List<Rate> rates = List.of(new Rate(30, Duration.ofDays(1)));
        String subject = subject();
        CountingStore counting = new CountingStore();
        LeasedBucketStore leased = new LeasedBucketStore(counting);

        assertCountsDownAndRefuses(new LeasedBucketStore(counting)); // the same answers as the plain stores
        for (int remaining = 29; remaining >= 0; remaining--) {
            Decision decision = leased.take(subject, rates);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(remaining);
        }
        assertThat(leased.take(subject, rates).allowed()).isFalse();
        assertThat(perRequest.take(subject, rates).allowed()).as("nothing left in Redis either").isFalse();

        counting.calls.set(0);
        String busy = subject();
        List<Rate> generous = List.of(new Rate(1_000_000, Duration.ofDays(1)));
        for (int i = 0; i < 1_000; i++) {
            assertThat(leased.take(busy, generous).allowed()).isTrue();
        }
        assertThat(counting.calls.get()).as("round trips for 1,000 requests").isBetween(10, 20);
    }

    @Test
    void replicasLeasingFromTheSameBucketsNeverAllowMoreThanTheLimit() {
        List<Rate> rates = List.of(new Rate(1_000, Duration.ofDays(1)));
        String subject = subject();
        List<LeasedBucketStore> replicas = List.of(new LeasedBucketStore(redis), new LeasedBucketStore(redis),
                new LeasedBucketStore(redis));

        int allowed = 0;
        for (int round = 0; round < 500; round++) {
            for (LeasedBucketStore replica : replicas) {
                if (replica.take(subject, rates).allowed()) {
                    allowed++;
                }
            }
        }

        // what two replicas still held when the third was refused is all that may go unused
        assertThat(allowed).isLessThanOrEqualTo(1_000).isGreaterThanOrEqualTo(1_000 - 2 * 50);
    }

    @Test
    void aRefusalIsRememberedUntilTheBucketHasRefilled() {
        List<Rate> rates = List.of(new Rate(1, Duration.ofSeconds(2)));
        String subject = subject();
        CountingStore counting = new CountingStore();
        LeasedBucketStore leased = new LeasedBucketStore(counting);
        assertThat(leased.take(subject, rates).allowed()).isTrue();
        Decision refused = leased.take(subject, rates);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
        int calls = counting.calls.get();

        for (int i = 0; i < 20; i++) {
            assertThat(leased.take(subject, rates).allowed()).isFalse();
        }
        assertThat(counting.calls.get()).isEqualTo(calls);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> leased.take(subject, rates).allowed());
    }

    /** The Redis buckets, counting the round trips. */
    private static final class CountingStore extends RedisBucketStore {

        final AtomicInteger calls = new AtomicInteger();

        CountingStore() {
            super(connection.template());
        }

        @Override
        Grant grant(String subject, List<Rate> rates, long wanted) {
            calls.incrementAndGet();
            return super.grant(subject, rates, wanted);
        }
    }

    @Test
    void fallsBackToLocalBucketsWhenTheStoreFailsAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BucketStore failing = (subject, rates) -> {
            throw new IllegalStateException("redis down");
        };
        FallbackBucketStore store = new FallbackBucketStore(failing, new LocalBucketStore(),
                connection.template(), meters);

        assertCountsDownAndRefuses(store);
        assertThat(meters.counter("ratelimit.fallback").count()).isGreaterThanOrEqualTo(5);
    }
}
