package org.ordersystem.system.web;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.PathSpellings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request, one path: for the admin rule and the admission gate, every spelling of a
 * gated path, with GET, HEAD, OPTIONS and POST, is refused (400/404) or meets the gate
 * exactly as the canonical path does. The rate limiter and the metrics token are tried the
 * same way in {@link GatedPathSpellingTests}, against an instance with tight limits.
 */
@IntegrationTest
class PathSpellingApiTests {

    static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST");

    private final Api api;
    private final Accounts accounts;
    private final AdmissionValve admission;

    PathSpellingApiTests(@LocalServerPort int port, @Autowired AdmissionValve admission) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.admission = admission;
    }

    @Test
    void aRefusedSpellingIsABadRequestProblemWithTheSecurityHeaders() {
        Api.Response refused = api.get("/%61pi/orders").send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("error_code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void everySpellingOfAnAdminPathIsRefusedToARegularUser() {
        String user = accounts.newUser().token();
        List<String> admitted = new ArrayList<>();
        for (String path : List.of("/api/users", "/api/users/statistics", "/api/users/1", "/api/users/1/promote")) {
            for (String method : METHODS) {
                admitted.addAll(PathSpellings.notMeetingGate(api, method, path, user, Map.of(), 403));
            }
        }
        assertThat(admitted).isEmpty();
        assertThat(api.method("HEAD", "/api/users?q=adm").token(user).send().status()).isEqualTo(403);
        assertThat(api.method("HEAD", "/api/users?q=adm").token(accounts.admin().token()).send().status())
                .isEqualTo(200);
    }

    /**
     * With every slot of the limit taken, every spelling is refused by the gate; the requests
     * prefer not to wait (RFC 7240 {@code Prefer: wait=0}), so each is refused at once.
     */
    @Test
    void everySpellingOfAnApiPathMeetsTheAdmissionGate() {
        String user = accounts.newUser().token();
        @SuppressWarnings("unchecked")
        SimpleLimiter<HttpServletRequest> running = (SimpleLimiter<HttpServletRequest>) ReflectionTestUtils
                .getField(admission, "running");
        List<Limiter.Listener> taken = new ArrayList<>();
        for (Optional<Limiter.Listener> slot = running.acquire(null); slot.isPresent(); slot = running.acquire(null)) {
            taken.add(slot.get());
        }
        List<String> admitted = new ArrayList<>();
        Map<String, String> noWait = Map.of("Prefer", "wait=0");
        try {
            for (String method : METHODS) {
                admitted.addAll(PathSpellings.notMeetingGate(api, method, "/api/orders", user, Map.of(), 503, noWait));
                admitted.addAll(PathSpellings.notMeetingGate(api, method, "/api/auth/register", null,
                        Map.of("email", "admission-" + UUID.randomUUID() + "@orders.test", "password",
                                Accounts.PASSWORD, "name", "Spelled"), 503, noWait));
            }
            Api.Response refused = api.get("/api/orders").token(user).header("X-Request-Id", "spelled-42").send();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("X-Request-Id")).isEqualTo("spelled-42");
            assertThat(refused.field("request_id")).isEqualTo("spelled-42");
            assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(api.get("/health/liveness").send().status()).as("outside the API, no gate").isEqualTo(200);
        }
        finally {
            taken.forEach(Limiter.Listener::onIgnore);
        }
        assertThat(taken).isNotEmpty();
        assertThat(admitted).isEmpty();
        assertThat(api.get("/api/orders").token(user).send().status()).as("admitted again").isEqualTo(200);
    }
}
