package org.ordersystem.auth;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.codec.digest.DigestUtils;
import org.ordersystem.system.cache.RedisFallback;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The brute-force guard: at most 5 failed logins per email and 20 per client address in a
 * 15-minute window (Redis, shared by all replicas; in-process while Redis is away).
 * An attempt counts as a failure from the moment it starts, so a burst of parallel guesses
 * cannot slip past the limit while passwords are being checked; success takes it back.
 */
@Component
class LoginGuard {

    static final int EMAIL_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RedisFallback redis;
    private final LocalAttemptCounters local;

    @Autowired
    LoginGuard(ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        this(redis.getIfAvailable(), clock);
    }

    /** {@code redis} is null when REDIS_URL is not set. */
    LoginGuard(StringRedisTemplate redis, Clock clock) {
        this.redis = new RedisFallback(redis, "login limits", Duration.ofSeconds(2), clock);
        this.local = new LocalAttemptCounters(clock);
    }

    /** Counts the attempt, or refuses it with {@link TooManyAttempts} (which is not counted) when over a limit. */
    void begin(String email, String address) {
        String emailKey = emailKey(email);
        String addressKey = addressKey(address);
        AttemptCounter byEmail = increment(emailKey);
        AttemptCounter byAddress = increment(addressKey);
        boolean emailLocked = byEmail.count() > EMAIL_LIMIT;
        boolean addressLocked = byAddress.count() > ADDRESS_LIMIT;
        if (emailLocked || addressLocked) {
            decrement(emailKey);
            decrement(addressKey);
            Duration retryAfter = emailLocked && addressLocked
                    ? max(byEmail.remaining(), byAddress.remaining())
                    : emailLocked ? byEmail.remaining() : byAddress.remaining();
            throw new TooManyAttempts(retryAfter);
        }
    }

    /**
     * The attempt succeeded: the email's failures are forgiven, and the attempt is taken back
     * from this address only; other addresses' counters are left as they are.
     */
    void succeeded(String email, String address) {
        forgive(email);
        decrement(addressKey(address));
    }

    /** The email's failures are forgiven without a login (its owner proved it by a password reset). */
    void forgive(String email) {
        String emailKey = emailKey(email);
        redis.call(template -> {
            RedisAttemptCounters.reset(template, emailKey);
            return null;
        }, () -> {
            local.reset(emailKey);
            return null;
        });
    }

    private AttemptCounter increment(String key) {
        return redis.call(template -> RedisAttemptCounters.increment(template, key, WINDOW),
                () -> local.increment(key, WINDOW));
    }

    private void decrement(String key) {
        redis.call(template -> {
            RedisAttemptCounters.decrement(template, key);
            return null;
        }, () -> {
            local.decrement(key);
            return null;
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String addressKey(String address) {
        return "login-attempts:address:" + address;
    }

    /** Hashed: the keys in Redis need not spell out who is being attacked. */
    private static String emailKey(String email) {
        return "login-attempts:email:" + DigestUtils.sha256Hex(email);
    }
}
