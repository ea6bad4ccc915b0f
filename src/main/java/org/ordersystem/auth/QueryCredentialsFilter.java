package org.ordersystem.auth;

import org.ordersystem.system.problem.CommonErrorCode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ordersystem.system.problem.InvalidField;
import org.ordersystem.system.problem.ProblemWriter;
import org.ordersystem.system.web.RequestPaths;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Credentials are accepted in the request body only: a query string ends up in access logs,
 * proxy logs and browser history. An API request whose query names a password or a token is
 * refused with 400 before anything reads it (Spring would otherwise merge the query into the
 * form parameters of {@code POST /api/auth/token}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class QueryCredentialsFilter extends OncePerRequestFilter {

    private static final Set<String> CREDENTIALS = Set.of("password", "current_password", "new_password",
            "refresh_token", "access_token", "client_secret", "token");

    private final ProblemWriter problems;

    QueryCredentialsFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null || !RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = credentialNamed(request.getQueryString());
        if (credential != null) {
            problems.write(request, response, new InvalidField(credential, "must not be in the query string"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first credential the query names, or null. */
    static String credentialNamed(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException ex) {
                // not decodable: judged as written
            }
            String normalized = name.strip().toLowerCase(Locale.ROOT);
            if (CREDENTIALS.contains(normalized)) {
                return normalized;
            }
        }
        return null;
    }
}
