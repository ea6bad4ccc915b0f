package org.ordersystem.auth;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.TestServices;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The login guard over HTTP. Every lock-out here is of a fresh email: the per-address limit
 * (20 from 127.0.0.1) is shared by the whole suite, so it is tested on the guard itself.
 */
@IntegrationTest
class BruteForceApiTests {

    private final Api api;
    private final Accounts accounts;
    private final LoginGuard guard;
    private final StringRedisTemplate redis;

    BruteForceApiTests(@LocalServerPort int port, @Autowired LoginGuard guard, @Autowired StringRedisTemplate redis) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.guard = guard;
        this.redis = redis;
    }

    @BeforeEach
    void guardCountsInRedis() {
        RedisGuard.awaitGuardInRedis(guard, redis);
    }

    @Test
    void locksAnEmailAfterFiveFailuresEvenAgainstTheRightPassword() {
        Accounts.Account victim = accounts.newUser();
        failFiveTimes(victim.email());

        Api.Response locked = login(victim.email(), Accounts.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.field("error_code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(login(victim.email().toUpperCase(), Accounts.PASSWORD).status()).isEqualTo(429);
        Api.Response form = api.post("/api/auth/token").raw("grant_type=password&username="
                + victim.email().replace("@", "%40") + "&password=Str0ng-Passw0rd%21", "application/x-www-form-urlencoded")
                .send();
        assertThat(form.status()).isEqualTo(429);

        Accounts.Account bystander = accounts.newUser();
        assertThat(login(bystander.email(), Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void keepsGuardingAndServingWhileRedisIsDownAndAfterItReturns() {
        Accounts.Account victim = accounts.newUser();
        Accounts.Account bystander = accounts.newUser();
        TestServices.get().stopRedis();
        try {
            failFiveTimes(victim.email());
            assertThat(login(victim.email(), Accounts.PASSWORD).status()).isEqualTo(429);

            Api.Response bystanderLogin = login(bystander.email(), Accounts.PASSWORD);
            assertThat(bystanderLogin.status()).as(bystanderLogin.toString()).isEqualTo(200);
            String token = bystanderLogin.field("access_token");
            assertThat(api.get("/api/users/me").token(token).send().status()).isEqualTo(200);
            assertThat(api.post("/api/auth/logout").token(token).send().status()).isEqualTo(204);
            assertThat(api.get("/api/users/me").token(token).send().field("error_code")).isEqualTo("TOKEN_INVALID");
        }
        finally {
            TestServices.get().startRedis();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                api.get("/health").send().json().at("/components/redis/status").asString()).isEqualTo("UP"));
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Api.Response login = login(bystander.email(), Accounts.PASSWORD);
                    assertThat(login.status()).isEqualTo(200);
                    assertThat(api.get("/api/users/me").token(login.field("access_token")).send().status()).isEqualTo(200);
                });
        RedisGuard.awaitGuardInRedis(guard, redis);
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < 5; i++) {
            Api.Response failed = login(email, "Wr0ng-Passw0rd!");
            assertThat(failed.status()).as("failure %d: %s", i + 1, failed).isEqualTo(401);
        }
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
    }
}
