package org.ordersystem.system.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a TLS-terminating proxy the request describes the URL the client used: from a
 * trusted proxy (TRUSTED_PROXIES, as {@link ClientAddress} decides), {@code X-Forwarded-Proto},
 * {@code -Host} and {@code -Port} become the request's scheme, {@code isSecure()}, server
 * name, port and request URL, so the security headers include HSTS and the OpenAPI
 * document names an {@code https://} server. From anyone else these headers are ignored.
 * <p>
 * Not Spring's {@code ForwardedHeaderFilter} nor {@code server.forward-headers-strategy}:
 * both also replace {@code getRemoteAddr()}, the former with the left-most, client-written
 * {@code X-Forwarded-For}; here the remote address stays the connection's, and
 * {@link ClientAddress} alone interprets {@code X-Forwarded-For}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ForwardedProtocolFilter extends OncePerRequestFilter {

    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]{2,45}]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\\d{1,5}))?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final ClientAddress clientAddress;

    ForwardedProtocolFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(forwarded(request), response);
    }

    // error pages and async completions build URLs and write headers too
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        chain.doFilter(forwarded(request), response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The request as the proxy received it, or the request itself when nothing trustworthy was forwarded. */
    HttpServletRequest forwarded(HttpServletRequest request) {
        if (!clientAddress.isTrustedProxy(request.getRemoteAddr())) {
            return request;
        }
        String proto = scheme(request.getHeader("X-Forwarded-Proto"));
        Matcher host = single(HOST, request.getHeader("X-Forwarded-Host"));
        int port = port(request.getHeader("X-Forwarded-Port"));
        if (proto == null && host == null && port < 0) {
            return request;
        }
        String scheme = proto != null ? proto : request.getScheme();
        if (port < 0 && host != null) {
            port = port(host.group(2));
        }
        if (port < 0 && host == null) {
            // a port the client wrote in Host stands; without one the connector answers the
            // default of its own scheme (80), which the forwarded scheme's default replaces
            Matcher own = single(HOST, request.getHeader("Host"));
            port = own != null && port(own.group(2)) > 0 ? request.getServerPort() : -1;
        }
        return new ForwardedRequest(request, scheme, host != null ? host.group(1) : request.getServerName(),
                port > 0 ? port : defaultPort(scheme));
    }

    /** The one scheme every hop agrees on (https only when each says so); a mix or anything else is ignored. */
    private static String scheme(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Set<String> hops = Set.copyOf(Arrays.stream(header.split(","))
                .map(hop -> hop.strip().toLowerCase(Locale.ROOT)).toList());
        return hops.size() == 1 && SCHEMES.containsAll(hops) ? hops.iterator().next() : null;
    }

    /** One well-formed value; a list (which hop wrote which?) or garbage counts as absent. */
    private static Matcher single(Pattern pattern, String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(header.strip());
        return matcher.matches() ? matcher : null;
    }

    /** A port number from 1 to 65535, or -1. */
    private static int port(String digits) {
        if (digits == null || !PORT.matcher(digits.strip()).matches()) {
            return -1;
        }
        int number = Integer.parseInt(digits.strip());
        return number >= 1 && number <= 65535 ? number : -1;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String scheme;
        private final String serverName;
        private final int serverPort;

        ForwardedRequest(HttpServletRequest request, String scheme, String serverName, int serverPort) {
            super(request);
            this.scheme = scheme;
            this.serverName = serverName;
            this.serverPort = serverPort;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public String getServerName() {
            return serverName;
        }

        @Override
        public int getServerPort() {
            return serverPort;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(serverName);
            if (serverPort != defaultPort(scheme)) {
                url.append(':').append(serverPort);
            }
            return url.append(getRequestURI());
        }
    }
}
