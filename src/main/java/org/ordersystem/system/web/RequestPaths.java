package org.ordersystem.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one way a gate (rate limit, admission, metrics token, authorization) decides which
 * requests it covers: Spring's path patterns over the decoded path, the same as routing.
 * {@link CanonicalPathFilter} has already refused every path spelled other than canonically,
 * so no gate can see a path that routing would read differently.
 */
public final class RequestPaths {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** The API: {@code /api} and everything under it. */
    public static final RequestMatcher API = matcher("/api/**");

    private RequestPaths() {
    }

    public static RequestMatcher matcher(String pattern) {
        return PATHS.matcher(pattern);
    }

    public static boolean isApi(HttpServletRequest request) {
        return API.matches(request);
    }
}
