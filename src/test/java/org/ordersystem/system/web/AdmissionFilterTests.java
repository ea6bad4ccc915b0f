package org.ordersystem.system.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate on its own: the refusal's body, the wait a caller may shorten, and who gets a freed slot. */
class AdmissionFilterTests {

    /** As the application's: problem properties at the top level (Boot adds this mixin). */
    private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Limiter.Listener> taken = new ArrayList<>();

    @AfterEach
    void release() {
        taken.forEach(Limiter.Listener::onIgnore);
        MDC.clear();
    }

    @Test
    void aRefusalIsTheContractsProblemWithRetryAfterAndIsNotAccessLogged() throws Exception {
        AdmissionFilter gate = saturated(Duration.ZERO, 10);
        MDC.put(RequestIdFilter.MDC_KEY, "req-42");

        MockHttpServletRequest request = api("/api/orders/7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the chain did not run").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        JsonNode body = json.readTree(response.getContentAsByteArray());
        assertThat(body.get("error_code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("type").asString()).isEqualTo("/problems/service-unavailable");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).isEqualTo("/api/orders/7");
        assertThat(body.get("request_id").asString()).isEqualTo("req-42");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(request.getAttribute(AdmissionFilter.REFUSED)).isEqualTo(Boolean.TRUE);
        assertThat(meters.get("http.admission.rejected").counter().count()).isEqualTo(1);
    }

    @Test
    void theInstanceIsWrittenAsAJsonString() throws Exception {
        AdmissionFilter gate = saturated(Duration.ZERO, 10);
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.doFilter(api("/api/orders/\"x\\y"), response, new MockFilterChain());

        assertThat(json.readTree(response.getContentAsByteArray()).get("instance").asString())
                .isEqualTo("/api/orders/\"x\\y");
    }

    @Test
    void aRequestOverTheLimitWaitsAtMostTheBoundOrWhatTheCallerPrefers() throws Exception {
        AdmissionFilter gate = saturated(Duration.ofMillis(300), 10);

        long started = System.nanoTime();
        MockHttpServletResponse impatient = new MockHttpServletResponse();
        MockHttpServletRequest noWait = api("/api/orders");
        noWait.addHeader("Prefer", "respond-async, wait=0");
        gate.doFilter(noWait, impatient, new MockFilterChain());
        long impatientMillis = (System.nanoTime() - started) / 1_000_000;

        started = System.nanoTime();
        MockHttpServletResponse patient = new MockHttpServletResponse();
        gate.doFilter(api("/api/orders"), patient, new MockFilterChain());
        long patientMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(impatient.getStatus()).isEqualTo(503);
        assertThat(patient.getStatus()).isEqualTo(503);
        assertThat(patientMillis).as("waited for its turn, then refused").isGreaterThanOrEqualTo(250);
        assertThat(impatientMillis).as("Prefer: wait=0 is refused without the wait").isLessThan(patientMillis);
    }

    @Test
    void aMalformedOrNegativeWaitPreferenceKeepsTheGatesBound() throws Exception {
        AdmissionFilter gate = saturated(Duration.ofMillis(300), 10);
        for (String preference : new String[] { "wait=-5", "wait=soon" }) {
            MockHttpServletRequest request = api("/api/orders");
            request.addHeader("Prefer", preference);
            long started = System.nanoTime();
            MockHttpServletResponse response = new MockHttpServletResponse();
            gate.doFilter(request, response, new MockFilterChain());

            assertThat(response.getStatus()).as(preference).isEqualTo(503);
            assertThat((System.nanoTime() - started) / 1_000_000).as(preference).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aFreedSlotGoesToTheNewestWaitingRequest() throws Exception {
        AdmissionFilter gate = saturated(Duration.ofSeconds(5), 10);
        List<String> admitted = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> older = waitingRequest(gate, () -> admitted.add("older"));
        awaitWaiting(1);
        CompletableFuture<Integer> newer = waitingRequest(gate, () -> admitted.add("newer"));
        awaitWaiting(2);

        taken.remove(0).onIgnore();

        assertThat(newer.get(5, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(older.get(5, TimeUnit.SECONDS)).as("admitted once the newer one finished").isEqualTo(200);
        assertThat(admitted).containsExactly("newer", "older");
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        AdmissionFilter gate = saturated(Duration.ofSeconds(5), 1);
        CompletableFuture<Integer> waiting = waitingRequest(gate, () -> { });
        awaitWaiting(1);

        long started = System.nanoTime();
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(api("/api/orders"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        taken.remove(0).onIgnore();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiAreNotGated() throws Exception {
        AdmissionFilter gate = saturated(Duration.ZERO, 10);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        gate.doFilter(new MockHttpServletRequest("GET", "/health/liveness"), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    /** A gate whose limit is 2, both slots held by the test (taken through the gate, as requests take them). */
    private AdmissionFilter saturated(Duration maxWait, int queue) {
        WebProperties properties = new WebProperties("", null, new WebProperties.Admission(2, maxWait, queue, 1));
        AdmissionFilter gate = new AdmissionFilter(properties, json, meters);
        @SuppressWarnings("unchecked")
        Limiter<HttpServletRequest> slots = (Limiter<HttpServletRequest>) ReflectionTestUtils.getField(gate, "gate");
        for (int i = 0; i < 2; i++) {
            taken.add(slots.acquire(api("/api/orders")).orElseThrow());
        }
        assertThat(meters.get("http.admission.limit").gauge().value()).isEqualTo(2);
        return gate;
    }

    /** A request sent from its own thread; {@code onAdmission} runs when it reaches the chain. */
    private CompletableFuture<Integer> waitingRequest(AdmissionFilter gate, Runnable onAdmission) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                gate.doFilter(api("/api/orders"), response, (request, answer) -> onAdmission.run());
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            return response.getStatus();
        }, task -> new Thread(task).start());
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (meters.get("http.admission.waiting").gauge().value() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(meters.get("http.admission.waiting").gauge().value()).isEqualTo(count);
    }

    private static MockHttpServletRequest api(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }
}
