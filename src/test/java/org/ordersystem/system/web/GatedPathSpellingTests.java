package org.ordersystem.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.PathSpellings;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter and the metrics token against every spelling of their paths, on an
 * instance with a tight limit: a caller over the limit gets 429 on every spelling and
 * every method (or 400/404), anonymous and refused requests count against the client's
 * address, and no spelling of /metrics gets the exposition without the token.
 */
@ExtendWith(TestServicesExtension.class)
class GatedPathSpellingTests {

    private static final int LIMIT = 10;
    private static final String METRICS_TOKEN = "metrics-token-for-tests-only";

    static AppInstance app;
    /** Registered before any test spends the address's budget. */
    static String user;

    @BeforeAll
    static void start() {
        app = AppInstance.start("RATELIMIT_DEFAULT=" + LIMIT + "/hour", "METRICS_TOKEN=" + METRICS_TOKEN);
        user = new Accounts(app.api()).newUser().token();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aUserOverTheLimitIsRefusedOnEverySpellingAndEveryPathEvenAdminOnes() {
        Api api = app.api();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(api.get("/api/orders").token(user).send().status()).isEqualTo(200);
        }
        List<String> admitted = new ArrayList<>();
        for (String method : PathSpellingApiTests.METHODS) {
            for (String path : List.of("/api/orders", "/api/orders/1", "/api/users")) {
                admitted.addAll(PathSpellings.notMeetingGate(api, method, path, user, Map.of(), 429));
            }
        }
        assertThat(admitted).isEmpty();
    }

    @Test
    void requestsRefusedForTheirTokenCountAgainstTheAddressUntilItIsLimited() {
        Api api = app.api();
        Api.Response refused = api.get("/api/orders").token("not-a-token").send();
        int guesses = 1;
        while (refused.status() == 401 && guesses <= LIMIT) {
            assertThat(refused.header("RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
            refused = api.get("/api/orders").token("guess-" + guesses++).send();
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.field("error_code")).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(api.get("/api/orders").send().status()).as("no token at all").isEqualTo(429);
        assertThat(PathSpellings.notMeetingGate(api, "POST", "/api/auth/register", null, Map.of("email",
                "spelled-" + UUID.randomUUID() + "@orders.test", "password", Accounts.PASSWORD, "name", "X"), 429))
                .isEmpty();
    }

    @Test
    void noSpellingOfMetricsAnswersWithoutTheToken() {
        Api api = app.api();
        assertThat(api.get("/metrics").header("Authorization", "Bearer " + METRICS_TOKEN).send().status())
                .isEqualTo(200);
        assertThat(api.get("/metrics").send().status()).isEqualTo(401);
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            for (String spelling : PathSpellings.of("/metrics")) {
                Api.Response response = api.method(method, spelling).send();
                assertThat(response.status()).as(method + " " + spelling).isIn(400, 401, 404);
                assertThat(response.text()).as(method + " " + spelling).doesNotContain("jvm_memory");
            }
        }
    }
}
