package org.ordersystem.auth;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The per-address limit on the application's guard and Redis, with made-up client
 * addresses: over HTTP every test comes from 127.0.0.1, which the whole suite shares.
 */
@AuthModuleTest
class LoginGuardRedisTests {

    private final LoginGuard guard;
    private final StringRedisTemplate redis;

    LoginGuardRedisTests(@Autowired LoginGuard guard, @Autowired StringRedisTemplate redis) {
        this.guard = guard;
        this.redis = redis;
    }

    @BeforeEach
    void guardCountsInRedis() {
        RedisGuard.awaitGuardInRedis(guard, redis);
    }

    @Test
    void locksAnAddressAfterTwentyFailuresAcrossEmailsInRedis() {
        String address = documentationAddress();
        for (int i = 0; i < LoginGuard.ADDRESS_LIMIT; i++) {
            guard.begin(uniqueEmail(), address);
        }

        TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class, () -> guard.begin(uniqueEmail(), address));
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 900L);
        assertThat(redis.opsForValue().get("login-attempts:address:" + address)).isEqualTo("20");
        assertThat(redis.getExpire("login-attempts:address:" + address)).isBetween(1L, 900L);
        assertThatCode(() -> guard.begin(uniqueEmail(), documentationAddress())).doesNotThrowAnyException();
    }

    @Test
    void aSuccessElsewhereDoesNotResetAnAddresssFailures() {
        String attacker = documentationAddress();
        String email = uniqueEmail();
        for (int i = 0; i < LoginGuard.ADDRESS_LIMIT; i++) {
            guard.begin(i == 0 ? email : uniqueEmail(), attacker);
        }
        String owner = documentationAddress();
        guard.begin(email, owner);
        guard.succeeded(email, owner);

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> guard.begin(uniqueEmail(), attacker))).isNotNull();
        assertThat(redis.opsForValue().get("login-attempts:address:" + owner)).isEqualTo("0");
    }

    private static String documentationAddress() {
        return "2001:db8::" + Integer.toHexString((int) (Math.random() * 0xffff)) + ":"
                + Integer.toHexString((int) (Math.random() * 0xffff));
    }

    private static String uniqueEmail() {
        return "guard-" + UUID.randomUUID() + "@orders.test";
    }
}
