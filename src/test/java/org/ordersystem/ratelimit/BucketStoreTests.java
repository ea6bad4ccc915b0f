package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.ratelimit.Rate;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis script against a real Redis, and the in-process buckets, give the same answers. */
class BucketStoreTests {

    static RedisBucketStore redis;

    @BeforeAll
    static void connect() {
        redis = new RedisBucketStore(TestServices.get().redisUrl(), null, Duration.ofSeconds(5));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    static String subject() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void redisTakesOneTokenPerRequestAndRefusesWhenEmpty() {
        assertCountsDownAndRefuses(redis);
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

        assertThat(redis.take(subject, rates).remaining()).isEqualTo(1);
        Decision second = redis.take(subject, rates);
        assertThat(second.limit()).isEqualTo(2);
        assertThat(second.remaining()).isZero();
        assertThat(redis.take(subject, rates).allowed()).isFalse();
        assertThat(redis.take(subject, List.of(new Rate(100, Duration.ofHours(1)))).remaining())
                .as("refused requests took nothing from the hourly bucket").isEqualTo(97);
    }

    @Test
    void takesAgainWhenRedisHasForgottenTheScript() {
        List<Rate> rates = List.of(new Rate(3, Duration.ofMinutes(1)));
        String subject = subject();
        assertThat(redis.take(subject, rates).remaining()).isEqualTo(2);
        try (RedisClient client = RedisClient.create(TestServices.get().redisUrl());
                StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().scriptFlush(); // as after a Redis restart or failover
        }

        assertThat(redis.take(subject, rates).remaining()).isEqualTo(1);
    }

    @Test
    void bucketsRefillOverTime() {
        List<Rate> rates = List.of(new Rate(1, Duration.ofSeconds(1)));
        String subject = subject();
        assertThat(redis.take(subject, rates).allowed()).isTrue();
        assertThat(redis.take(subject, rates).allowed()).isFalse();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> redis.take(subject, rates).allowed());
    }

    @Test
    void fallsBackToLocalBucketsWhenTheStoreFailsAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BucketStore failing = (subject, rates) -> {
            throw new IllegalStateException("redis down");
        };
        FallbackBucketStore store = new FallbackBucketStore(failing, new LocalBucketStore(), meters);

        assertCountsDownAndRefuses(store);
        assertThat(meters.counter("ratelimit.fallback").count()).isGreaterThanOrEqualTo(5);
    }
}
