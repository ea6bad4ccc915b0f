package org.ordersystem.system.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.Limiter.Listener;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ProblemDetails;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The admission gate of the API: how many requests run at once, and which wait.
 * <p>
 * <b>An adaptive limit.</b> Netflix's Gradient2 limit follows the latency of the requests
 * that ran: while it stays near its long-run average the limit grows (up to
 * {@code order.admission.max-concurrent}, four times the pool), when requests slow down
 * because they queue for CPU or connections it shrinks (never below the pool).
 * <p>
 * <b>No wait by default.</b> A request over the limit is refused at once unless
 * {@code order.admission.max-wait} is set: then it waits in a LIFO queue of at most
 * {@code order.admission.queue} requests, newest first (under overload the requests served
 * are those whose clients are still waiting, not those that waited longest), for at most
 * that long, or the caller's {@code Prefer: wait=N} (RFC 7240) if shorter. Measured with the
 * image's 192 MiB heap and 1,024 clients that re-send at once (bench/README.md, issue #21),
 * every waiting request holds its connection's buffers (about 80 KiB), and waiting cost
 * goodput: the collections it caused outweighed the CPU of the retries it spared.
 * <p>
 * <b>A cheap refusal.</b> The gate is a Tomcat valve of the application's context: it
 * decides before any servlet filter runs (request id, metrics observation, security headers,
 * access log, authentication, the rate limiter, the body). A refusal is
 * {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After: 1}, the security headers and the
 * caller's request id, its body written from bytes prepared at start-up; it is counted
 * ({@code http_admission_rejected_total}) rather than logged or timed as a request (one
 * warning per ten seconds of shedding says how many). Its HSTS header follows the connection to
 * Tomcat itself: the forwarded protocol of a trusted proxy is read later, by a filter, so a
 * refusal behind a TLS-terminating proxy carries no HSTS (every served answer does). A path
 * spelled other than canonically either meets the gate here or, if the gate does not read it
 * as the API's, is refused by {@link CanonicalPathFilter} before anything else runs.
 */
@Component
class AdmissionValve extends ValveBase {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger log = LoggerFactory.getLogger(AdmissionValve.class);

    private final SimpleLimiter<HttpServletRequest> running;
    private final Limiter<HttpServletRequest> gate;
    private final long maxWaitMillis;
    private final JsonMapper json;
    /** The refusal's body up to its per-request members (instance, request_id). */
    private final byte[] refusalStart;
    private final Counter rejected;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refusedSinceWarning = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    AdmissionValve(WebProperties properties, JsonMapper json, MeterRegistry meters) {
        super(true);
        WebProperties.Admission admission = properties.admission();
        this.running = SimpleLimiter.<HttpServletRequest>newBuilder().named("api")
                .limit(Gradient2Limit.newBuilder().initialLimit(admission.initialLimit())
                        .minLimit(admission.minLimit()).maxConcurrency(admission.maxLimit()).build())
                .build();
        this.maxWaitMillis = admission.maxWait().toMillis();
        this.gate = LifoBlockingLimiter.newBuilder(running).backlogSize(admission.queue())
                .backlogTimeout(this::waitMillis, TimeUnit.MILLISECONDS).build();
        this.json = json;
        String problem = json.writeValueAsString(ProblemDetails.of(CommonErrorCode.SERVICE_UNAVAILABLE,
                "The service is busy; try again shortly."));
        this.refusalStart = problem.substring(0, problem.lastIndexOf('}')).getBytes(StandardCharsets.UTF_8);
        this.rejected = Counter.builder("http.admission.rejected")
                .description("API requests refused with 503: the queue was full or they waited too long").register(meters);
        Gauge.builder("http.admission.limit", running, SimpleLimiter::getLimit)
                .description("How many API requests may run at once now (the adaptive limit)").register(meters);
        Gauge.builder("http.admission.in_flight", running, SimpleLimiter::getInflight)
                .description("API requests running").register(meters);
        Gauge.builder("http.admission.waiting", waiting, AtomicInteger::get)
                .description("API requests waiting for their turn").register(meters);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC || !RequestPaths.isApi(request)) {
            getNext().invoke(request, response); // an async dispatch continues a request admitted before
            return;
        }
        admit(request, response, () -> getNext().invoke(request, response));
    }

    /** Runs {@code work} if the request is admitted, refuses it otherwise. */
    void admit(HttpServletRequest request, HttpServletResponse response, Work work)
            throws IOException, ServletException {
        Optional<Listener> admitted;
        waiting.incrementAndGet();
        try {
            admitted = gate.acquire(request);
        }
        finally {
            waiting.decrementAndGet();
        }
        if (admitted.isEmpty()) {
            refuse(request, response);
            return;
        }
        boolean completed = false;
        try {
            work.run();
            completed = true;
        }
        finally {
            if (completed) {
                admitted.get().onSuccess();
            }
            else {
                admitted.get().onIgnore();
            }
        }
    }

    /** What an admitted request goes on to: the rest of the pipeline. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, ServletException;
    }

    /** How long this request may wait: the gate's bound, or less if the caller prefers (RFC 7240 {@code wait}). */
    private long waitMillis(HttpServletRequest request) {
        String prefer = request.getHeader("Prefer");
        if (prefer == null) {
            return maxWaitMillis;
        }
        for (String preference : prefer.split("[,;]")) {
            String trimmed = preference.strip();
            if (trimmed.regionMatches(true, 0, "wait=", 0, 5)) {
                try {
                    long seconds = Long.parseLong(trimmed.substring(5));
                    return seconds < 0 ? maxWaitMillis : Math.min(maxWaitMillis, Math.multiplyExact(seconds, 1000L));
                }
                catch (NumberFormatException | ArithmeticException ex) {
                    return maxWaitMillis;
                }
            }
        }
        return maxWaitMillis;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        rejected.increment();
        warnOncePerInterval();
        String requestId = RequestIdFilter.idOf(request); // a sane id: [A-Za-z0-9._:-]
        byte[] end = new StringBuilder(96).append(",\"instance\":").append(json.writeValueAsString(request.getRequestURI()))
                .append(",\"request_id\":\"").append(requestId).append("\"}").toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(RequestIdFilter.HEADER, requestId);
        SecurityHeaders.writeTo(request, response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentLength(refusalStart.length + end.length);
        response.getOutputStream().write(refusalStart);
        response.getOutputStream().write(end);
    }

    private void warnOncePerInterval() {
        refusedSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
            log.warn("Shedding load: {} API requests refused with 503 since the last warning (limit {}, running {}, "
                    + "waiting {})", refusedSinceWarning.getAndSet(0), running.getLimit(), running.getInflight(),
                    waiting.get());
        }
    }
}
