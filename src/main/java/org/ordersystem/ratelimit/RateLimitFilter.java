package org.ordersystem.ratelimit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.ratelimit.Rate;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.system.problem.ProblemWriter;
import org.ordersystem.system.web.RequestPaths;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /api/**} per signed-in user, else per client address. Runs inside the
 * security filter chain, after the access token was read and before authorization, so the
 * caller is known and refused requests count too; operations paths are never limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final BucketStore store;
    private final List<Rate> rates;
    private final ClientAddress clientAddress;
    private final ProblemWriter problems;
    private final Counter rejected;

    RateLimitFilter(BucketStore store, List<Rate> rates, ClientAddress clientAddress, ProblemWriter problems,
            MeterRegistry meters) {
        this.store = store;
        this.rates = rates;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.rejected = Counter.builder("ratelimit.rejected").description("Requests refused by the rate limiter")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Decision decision = store.take(subject(request), rates);
        response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        rejected.increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.retryAfterSeconds())));
        problems.write(request, response, RateLimitErrorCode.RATE_LIMITED,
                "Too many requests; retry after " + Math.max(1, decision.retryAfterSeconds()) + " s.", headers);
    }

    private String subject(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedPrincipal principal) {
            return "user:" + principal.getName();
        }
        return "ip:" + clientAddress.of(request);
    }
}
