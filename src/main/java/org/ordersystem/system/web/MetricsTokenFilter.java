package org.ordersystem.system.web;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ProblemWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** With METRICS_TOKEN set, {@code /metrics} answers only to {@code Authorization: Bearer <token>}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MetricsTokenFilter extends OncePerRequestFilter {

    /** Actuator also answers {@code /metrics/}; the pattern covers every spelling routing accepts. */
    private static final RequestMatcher METRICS = RequestPaths.matcher("/metrics/**");

    private final byte[] expected;
    private final ProblemWriter problems;

    MetricsTokenFilter(WebProperties properties, ProblemWriter problems) {
        String token = properties.metricsToken();
        this.expected = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return expected == null || !METRICS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            problems.write(request, response, CommonErrorCode.UNAUTHENTICATED, "The metrics token is required.");
            return;
        }
        chain.doFilter(request, response);
    }
}
