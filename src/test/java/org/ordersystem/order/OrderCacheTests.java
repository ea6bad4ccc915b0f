package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two writes of one order commit one after the other, but their after-commit cache writes may
 * reach Redis in the other order: the older snapshot must change nothing, and nothing replaces
 * a deletion.
 */
@IntegrationTest
class OrderCacheTests {

    private static final LongFunction<OrderSnapshot> NOT_LOADED = id -> {
        throw new AssertionError("read from the database, not the cache");
    };

    @Autowired
    OrderCache cache;

    @Autowired
    StringRedisTemplate redis;

    private final long id = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final String entry = "order-backend:v2:orders::" + id;

    /** After a test that stopped Redis, the cache is skipped for a few seconds (ResilientCache). */
    @BeforeEach
    void sharedCacheServes() {
        long probe = id + 1;
        AtomicLong version = new AtomicLong();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            cache.writtenAfterCommit(snapshot(probe, version.incrementAndGet(), "probe"));
            assertThat(cache.get(probe, NOT_LOADED).notes()).isEqualTo("probe");
        });
    }

    @Test
    void anOlderSnapshotArrivingLastChangesNothing() {
        cache.writtenAfterCommit(snapshot(id, 2, "second"));
        cache.writtenAfterCommit(snapshot(id, 1, "first"));

        assertThat(redis.opsForValue().get(entry)).contains("\"version\":2", "\"notes\":\"second\"");
        assertThat(redis.getExpire(entry)).isPositive();
        assertThat(cache.get(id, NOT_LOADED).notes()).isEqualTo("second");

        cache.writtenAfterCommit(snapshot(id, 3, "third"));
        assertThat(cache.get(id, NOT_LOADED).notes()).isEqualTo("third");
    }

    @Test
    void nothingReplacesTheDeletion() {
        cache.writtenAfterCommit(snapshot(id, 4, "before"));
        cache.deletedAfterCommit(id);
        cache.writtenAfterCommit(snapshot(id, 5, "after"));

        assertThat(cache.get(id, NOT_LOADED).deleted()).isTrue();
        assertThat(redis.opsForValue().get(entry)).contains("\"deleted\":true");
    }

    private static OrderSnapshot snapshot(long id, long version, String notes) {
        Instant now = Instant.now();
        return new OrderSnapshot(id, 1, OrderStatus.PENDING, "EUR", List.of(), BigDecimal.ZERO, notes, now, now, version,
                false);
    }
}
