package org.ordersystem.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on their own ports against one PostgreSQL and one Redis: what one replica
 * does, the other honours (rate limits, cached orders, logout, deactivation), and both
 * keep answering while Redis is down.
 */
@ExtendWith({ TestServicesExtension.class, OutputCaptureExtension.class })
class ReplicaApiTests {

    static final int LIMIT = 12;

    static AppInstance first;
    static AppInstance second;

    @BeforeAll
    static void startReplicas() {
        String[] settings = { "RATELIMIT_DEFAULT=" + LIMIT + "/minute;100000/day", "ADMIN_EMAIL=" + Accounts.ADMIN_EMAIL,
                "ADMIN_PASSWORD=" + Accounts.ADMIN_PASSWORD };
        first = AppInstance.start(settings);
        second = AppInstance.start(settings);
    }

    @AfterAll
    static void stopReplicas() {
        first.close();
        second.close();
    }

    private static long warnings(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("Redis unavailable for the")).count();
    }

    @Test
    void rateLimitIsSharedByAllReplicas() {
        awaitSharedLimiter();
        Account user = new Accounts(first.api()).newUser();

        for (int i = 0; i < LIMIT; i++) {
            Api api = i % 2 == 0 ? first.api() : second.api();
            Api.Response response = api.get("/api/orders").token(user.token()).send();
            assertThat(response.status()).as("request %d", i + 1).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 1 - i));
        }
        Api.Response refused = second.api().get("/api/orders").token(user.token()).send();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.field("error_code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("RateLimit-Reset"))).isBetween(1, 60);
        assertThat(first.api().get("/api/orders").token(user.token()).send().status()).isEqualTo(429);
    }

    @Test
    void operationsPathsAreNeverLimited() {
        for (int i = 0; i < LIMIT + 5; i++) {
            Api.Response response = first.api().get("/health/liveness").send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isNull();
        }
    }

    @Test
    void anOrderChangedThroughOneReplicaIsReadFreshThroughTheOther() {
        Account user = new Accounts(first.api()).newUser();
        long id = first.api().post("/api/orders").token(user.token()).json(Map.of("notes", "v1")).send().json()
                .get("id").asLong();
        assertThat(second.api().get("/api/orders/" + id).token(user.token()).send().field("notes")).isEqualTo("v1");

        assertThat(first.api().patch("/api/orders/" + id).token(user.token()).json(Map.of("notes", "v2")).send()
                .status()).isEqualTo(200);

        assertThat(second.api().get("/api/orders/" + id).token(user.token()).send().field("notes")).isEqualTo("v2");
        assertThat(first.api().delete("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(204);
        assertThat(second.api().get("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(404);
    }

    @Test
    void logoutThroughOneReplicaEndsTheTokenOnTheOther() {
        Account user = new Accounts(first.api()).newUser();
        assertThat(second.api().get("/api/users/me").token(user.token()).send().status()).isEqualTo(200);

        assertThat(first.api().post("/api/auth/logout").token(user.token()).json(Map.of()).send().status())
                .isEqualTo(204);

        Api.Response after = second.api().get("/api/users/me").token(user.token()).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.field("error_code")).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void deactivationThroughOneReplicaIsEnforcedByTheOther() {
        Account user = new Accounts(first.api()).newUser();
        Account admin = new Accounts(first.api()).admin();
        assertThat(second.api().get("/api/orders").token(user.token()).send().status()).isEqualTo(200);

        assertThat(first.api().post("/api/users/" + user.id() + "/deactivate").token(admin.token()).send().status())
                .isEqualTo(200);

        Api.Response refused = second.api().get("/api/orders").token(user.token()).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("error_code")).isEqualTo("ACCOUNT_DEACTIVATED");
    }

    @Test
    void withRedisStoppedRequestsStillSucceedAndRedisIsUsedAgainWhenItReturns(CapturedOutput output)
            throws InterruptedException {
        Account user = new Accounts(first.api()).newUser();
        long id = first.api().post("/api/orders").token(user.token()).json(Map.of()).send().json().get("id").asLong();
        assertThat(second.api().get("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(200);
        TestServices.get().stopRedis();
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                Api.Response response = first.api().get("/api/orders/" + id).token(user.token()).send();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("RateLimit-Remaining")).isNotNull();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(first.api().patch("/api/orders/" + id).token(user.token()).json(Map.of("notes", "offline"))
                    .send().status()).isEqualTo(200);
            // the other replica held the order in its near cache: it stops serving that copy within its lease
            await().atMost(Duration.ofMillis(1200)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                    second.api().get("/api/orders/" + id).token(user.token()).send().field("notes"))
                    .isEqualTo("offline"));
            // past the near caches' lease (system/cache/InvalidationBus), a request through each replica
            // meets every Redis user of the request path
            Thread.sleep(1500);
            for (AppInstance replica : List.of(first, second)) {
                assertThat(replica.api().get("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(200);
            }
            long warnings = warnings(output);
            for (int i = 0; i < 3; i++) {
                assertThat(first.api().get("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(200);
            }
            assertThat(warnings).as("the outage is logged").isPositive();
            assertThat(warnings(output)).as("once per outage, not per request").isEqualTo(warnings);
            Api.Response health = first.api().get("/health").send();
            assertThat(health.json().at("/components/redis/status").asString()).isEqualTo("DOWN");
            assertThat(first.api().get("/health/readiness").send().status()).isEqualTo(200);
        }
        finally {
            TestServices.get().startRedis();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                first.api().get("/health").send().json().at("/components/redis/status").asString()).isEqualTo("UP"));
        assertThat(second.api().get("/api/orders/" + id).token(user.token()).send().field("notes"))
                .isEqualTo("offline");
        awaitSharedLimiter();
    }

    /**
     * Both replicas take from the same Redis buckets (after a Redis outage, once they have
     * reconnected). The first look is at once; six looks of two requests fit the probe's 12 a minute.
     */
    private static void awaitSharedLimiter() {
        Account probe = new Accounts(first.api()).newUser();
        await().atMost(Duration.ofSeconds(11)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Api.Response a = first.api().get("/api/orders").token(probe.token()).send();
                    Api.Response b = second.api().get("/api/orders").token(probe.token()).send();
                    assertThat(Integer.parseInt(b.header("RateLimit-Remaining")))
                            .isEqualTo(Integer.parseInt(a.header("RateLimit-Remaining")) - 1);
                });
    }
}
