package org.ordersystem.console;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.ratelimit.Rate;
import org.ordersystem.system.web.ClientAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's own request limit, separate from the API's: per signed-in user, or per client
 * address before sign-in, in this replica's memory (a person's pages are a few requests a
 * minute; the limit stops a script hammering the pages, not a fleet). Over it, the 429 page
 * with {@code Retry-After}.
 */
final class ConsoleRequestLimit extends OncePerRequestFilter {

    private final Rate rate;
    private final ClientAddress clientAddress;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    ConsoleRequestLimit(Rate rate, ClientAddress clientAddress) {
        this.rate = rate;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = SecurityContextHolder.getContext().getAuthentication() instanceof ConsoleSignIn.Signed signed
                ? "user:" + signed.getPrincipal().id() : "address:" + clientAddress.of(request);
        ConsumptionProbe probe = buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.permits()).refillGreedy(rate.permits(), rate.period()))
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ConsoleErrors.forward(request, response, 429,
                    "Too many requests in a short time; wait a moment and try again.");
            return;
        }
        chain.doFilter(request, response);
    }
}
