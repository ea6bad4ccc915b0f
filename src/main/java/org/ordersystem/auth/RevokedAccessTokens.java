package org.ordersystem.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The denylist of access tokens ended by a logout, each kept until it would have expired:
 * in Redis for every instance, and in this instance's memory as well, so that a logout
 * holds here even while Redis is away.
 */
@Component
class RevokedAccessTokens {

    private static final String PREFIX = "revoked-access-token:";

    private final RedisFallback redis;
    private final Clock clock;
    private final Map<String, Instant> local = new ConcurrentHashMap<>();

    RevokedAccessTokens(RedisFallback redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        Duration remaining = Duration.between(now, expiresAt);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        local.values().removeIf(end -> !end.isAfter(now));
        local.put(tokenId, expiresAt);
        redis.call(template -> {
            template.opsForValue().set(PREFIX + tokenId, "1", remaining);
            return null;
        }, () -> null);
    }

    boolean isRevoked(String tokenId) {
        Instant end = local.get(tokenId);
        if (end != null && end.isAfter(clock.instant())) {
            return true;
        }
        return redis.call(template -> Boolean.TRUE.equals(template.hasKey(PREFIX + tokenId)), () -> false);
    }
}
