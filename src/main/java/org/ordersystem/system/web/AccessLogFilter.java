package org.ordersystem.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request: method, path template (never the raw path, which may hold
 * ids or junk), status and duration, with the request id and user id in context.
 * Query strings are never logged. Requests the admission gate refused never get here: they
 * are counted ({@code http_admission_rejected_total}), not logged one by one, since under
 * overload their lines would cost what the gate saves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            logLine(request, response.getStatus(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void logLine(HttpServletRequest request, int status, long millis) {
        Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = template != null ? template.toString() : "unmatched";
        Object user = request.getAttribute(RequestContextInterceptor.USER_ATTRIBUTE);
        log.atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path_template", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration_ms", millis)
                .addKeyValue("user.id", user)
                .log("{} {} {} {}ms", request.getMethod(), path, status, millis);
    }
}
