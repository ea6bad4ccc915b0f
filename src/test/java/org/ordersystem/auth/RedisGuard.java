package org.ordersystem.auth;

import java.time.Duration;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the login guard counts in Redis again: after an outage (another test may
 * have stopped Redis) it keeps to its in-process counters for a moment.
 */
final class RedisGuard {

    private RedisGuard() {
    }

    static void awaitGuardInRedis(LoginGuard guard, StringRedisTemplate redis) {
        String probe = "2001:db8:ffff::" + Integer.toHexString((int) (Math.random() * 0xffff));
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    guard.begin("probe-" + UUID.randomUUID() + "@orders.test", probe);
                    return Boolean.TRUE.equals(redis.hasKey("login-attempts:address:" + probe));
                });
    }
}
