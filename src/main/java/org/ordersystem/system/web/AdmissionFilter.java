package org.ordersystem.system.web;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ProblemWriter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the wait under overload. Without it Tomcat queues every request ahead of the
 * connection pool and the wait grows with the number of clients; with it at most
 * {@code order.admission.max-concurrent} API requests (default twice the pool) run at once,
 * the others wait up to {@code order.admission.max-wait} and are then refused with
 * {@code 503 SERVICE_UNAVAILABLE} and {@code Retry-After: 1}, before any authentication work.
 */
@Component
@Order(-200) // after request id, access log and size limit; before Spring Security (-100)
class AdmissionFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long maxWaitNanos;
    private final ProblemWriter problems;
    private final Counter rejected;

    AdmissionFilter(WebProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.permits = new Semaphore(properties.admission().limit());
        this.maxWaitNanos = properties.admission().maxWait().toNanos();
        this.problems = problems;
        this.rejected = Counter.builder("http.admission.rejected")
                .description("API requests refused with 503 because too many were already running").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admitted()) {
            rejected.increment();
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, CommonErrorCode.SERVICE_UNAVAILABLE, "The service is busy; try again shortly.", headers);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.release();
        }
    }

    private boolean admitted() {
        try {
            return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
