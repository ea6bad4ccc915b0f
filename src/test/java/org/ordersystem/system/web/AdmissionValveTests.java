package org.ordersystem.system.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.netflix.concurrency.limits.Limiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate on its own: the refusal's body, the wait a caller may shorten, and who gets a freed slot. */
class AdmissionValveTests {

    /** As the application's: problem properties at the top level (Boot adds this mixin). */
    private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Limiter.Listener> taken = new ArrayList<>();

    @AfterEach
    void release() {
        taken.forEach(Limiter.Listener::onIgnore);
    }

    @Test
    void aRefusalIsTheContractsProblemWithRetryAfterTheRequestIdAndTheSecurityHeaders() throws Exception {
        AdmissionValve gate = saturated(Duration.ZERO, 10);

        MockHttpServletRequest request = api("/api/orders/7");
        request.addHeader(RequestIdFilter.HEADER, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean ran = new AtomicBoolean();
        gate.admit(request, response, () -> ran.set(true));

        assertThat(ran).as("the request's work did not run").isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("req-42");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
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
        assertThat(meters.get("http.admission.rejected").counter().count()).isEqualTo(1);
    }

    @Test
    void theInstanceIsWrittenAsAJsonStringAndAnInsaneRequestIdIsReplaced() throws Exception {
        AdmissionValve gate = saturated(Duration.ZERO, 10);
        MockHttpServletRequest request = api("/api/orders/\"x\\y");
        request.addHeader(RequestIdFilter.HEADER, "forged\"id");
        MockHttpServletResponse response = new MockHttpServletResponse();

        gate.admit(request, response, () -> { });

        JsonNode body = json.readTree(response.getContentAsByteArray());
        assertThat(body.get("instance").asString()).isEqualTo("/api/orders/\"x\\y");
        assertThat(body.get("request_id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isEqualTo(response.getHeader(RequestIdFilter.HEADER));
    }

    @Test
    void aRequestOverTheLimitWaitsAtMostTheBoundOrWhatTheCallerPrefers() throws Exception {
        AdmissionValve gate = saturated(Duration.ofMillis(300), 10);

        long started = System.nanoTime();
        MockHttpServletResponse impatient = new MockHttpServletResponse();
        MockHttpServletRequest noWait = api("/api/orders");
        noWait.addHeader("Prefer", "respond-async, wait=0");
        gate.admit(noWait, impatient, () -> { });
        long impatientMillis = (System.nanoTime() - started) / 1_000_000;

        started = System.nanoTime();
        MockHttpServletResponse patient = new MockHttpServletResponse();
        gate.admit(api("/api/orders"), patient, () -> { });
        long patientMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(impatient.getStatus()).isEqualTo(503);
        assertThat(patient.getStatus()).isEqualTo(503);
        assertThat(patientMillis).as("waited for its turn, then refused").isGreaterThanOrEqualTo(250);
        assertThat(impatientMillis).as("Prefer: wait=0 is refused without the wait").isLessThan(patientMillis);
    }

    @Test
    void aMalformedOrNegativeWaitPreferenceKeepsTheGatesBound() throws Exception {
        AdmissionValve gate = saturated(Duration.ofMillis(300), 10);
        for (String preference : new String[] { "wait=-5", "wait=soon" }) {
            MockHttpServletRequest request = api("/api/orders");
            request.addHeader("Prefer", preference);
            long started = System.nanoTime();
            MockHttpServletResponse response = new MockHttpServletResponse();
            gate.admit(request, response, () -> { });

            assertThat(response.getStatus()).as(preference).isEqualTo(503);
            assertThat((System.nanoTime() - started) / 1_000_000).as(preference).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aFreedSlotGoesToTheNewestWaitingRequest() throws Exception {
        AdmissionValve gate = saturated(Duration.ofSeconds(5), 10);
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
        AdmissionValve gate = saturated(Duration.ofSeconds(5), 1);
        CompletableFuture<Integer> waiting = waitingRequest(gate, () -> { });
        awaitWaiting(1);

        long started = System.nanoTime();
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.admit(api("/api/orders"), response, () -> { });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        taken.remove(0).onIgnore();
        // the waiter answers 503 by itself once its 5 s are up: the longer bound only tolerates a busy machine
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    /** A gate whose limit is 2, both slots held by the test (taken through the gate, as requests take them). */
    private AdmissionValve saturated(Duration maxWait, int queue) {
        WebProperties properties = new WebProperties("", null, new WebProperties.Admission(2, maxWait, queue, 1));
        AdmissionValve gate = new AdmissionValve(properties, json, meters);
        @SuppressWarnings("unchecked")
        Limiter<HttpServletRequest> slots = (Limiter<HttpServletRequest>) ReflectionTestUtils.getField(gate, "gate");
        for (int i = 0; i < 2; i++) {
            taken.add(slots.acquire(api("/api/orders")).orElseThrow());
        }
        assertThat(meters.get("http.admission.limit").gauge().value()).isEqualTo(2);
        return gate;
    }

    /** A request sent from its own thread; {@code onAdmission} runs when it reaches the chain. */
    private CompletableFuture<Integer> waitingRequest(AdmissionValve gate, Runnable onAdmission) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                gate.admit(api("/api/orders"), response, onAdmission::run);
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
