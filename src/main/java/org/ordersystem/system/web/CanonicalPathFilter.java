package org.ordersystem.system.web;

import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ProblemWriter;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One request, one path: a request whose path is not written exactly as the servlet
 * container decodes and normalises it (percent-encoded characters, {@code ;} parameters,
 * {@code //}, {@code /./}, {@code /../}) is refused with 400 before any gate runs. No route
 * of this service needs such a spelling, and refusing it means that the raw path, the
 * decoded path and routing can never disagree about which rules apply.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class CanonicalPathFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    CanonicalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCanonical(request)) {
            problems.write(request, response, CommonErrorCode.MALFORMED_REQUEST, "The request path must be written in its "
                    + "plain form: no percent-encoding, ';' parameters, empty or dot segments.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCanonical(HttpServletRequest request) {
        String raw = request.getRequestURI();
        String decoded = request.getContextPath() + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return raw.equals(decoded);
    }
}
