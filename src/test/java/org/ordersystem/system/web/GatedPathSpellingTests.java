package org.ordersystem.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.EdgeTest;
import org.ordersystem.support.PathSpellings;
import org.ordersystem.support.SelfSignedCertificate;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter and the metrics token against every spelling of their paths, on the
 * application with a tight limit ({@link EdgeTest}): a caller over the limit gets 429 on every
 * spelling and every method (or 400/404), anonymous and refused requests count against the
 * client's address, and no spelling of /metrics gets the exposition without the token.
 */
@EdgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatedPathSpellingTests {

    private static final int LIMIT = EdgeTest.RATE_LIMIT;
    private static final String METRICS_TOKEN = EdgeTest.METRICS_TOKEN;

    private final Api api;
    /** Registered before any test spends the address's budget. */
    private String user;

    GatedPathSpellingTests(@LocalServerPort int port) {
        this.api = new Api("https://127.0.0.1:" + port, SelfSignedCertificate.trustingClient());
    }

    @BeforeAll
    void registerAUser() {
        user = new Accounts(api).newUser().token();
    }

    @Test
    void aUserOverTheLimitIsRefusedOnEverySpellingAndEveryPathEvenAdminOnes() {
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
