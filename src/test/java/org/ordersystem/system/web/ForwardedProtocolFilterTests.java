package org.ordersystem.system.web;


import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedProtocolFilterTests {

    private final ForwardedProtocolFilter filter = new ForwardedProtocolFilter(new ClientAddress("10.0.0.0/8"));

    /** A plain-HTTP request as Tomcat sees it behind the proxy: Host without a port, so port 80. */
    private static MockHttpServletRequest request(String remote, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
        request.setRemoteAddr(remote);
        request.setServerName("orders.example.com");
        request.setServerPort(80);
        request.addHeader("Host", "orders.example.com");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void ignoresForwardedHeadersFromAnUntrustedPeer() {
        MockHttpServletRequest request = request("203.0.113.9", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example.net", "X-Forwarded-Port", "443");

        HttpServletRequest seen = filter.forwarded(request);

        assertThat(seen).isSameAs(request);
        assertThat(seen.isSecure()).isFalse();
        assertThat(seen.getRequestURL()).hasToString("http://orders.example.com/v3/api-docs");
    }

    @Test
    void takesSchemeHostAndPortFromATrustedProxyButNeverTheRemoteAddress() throws Exception {
        MockHttpServletRequest request = request("10.1.2.3", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "api.example.com", "X-Forwarded-Port", "443", "X-Forwarded-For", "1.2.3.4");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getServerName()).isEqualTo("api.example.com");
        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(seen.getRequestURL()).hasToString("https://api.example.com/v3/api-docs");
        assertThat(seen.getRemoteAddr()).isEqualTo("10.1.2.3");
    }

    @Test
    void theForwardedSchemesDefaultPortReplacesTheConnectorsWhenHostNamesNone() {
        HttpServletRequest seen = filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "https"));

        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(seen.getRequestURL()).hasToString("https://orders.example.com/v3/api-docs");
    }

    @Test
    void keepsAPortTheClientNamedInHost() {
        MockHttpServletRequest request = request("10.1.2.3", "X-Forwarded-Proto", "https");
        request.removeHeader("Host");
        request.addHeader("Host", "orders.example.com:8443");
        request.setServerPort(8443);

        assertThat(filter.forwarded(request).getRequestURL()).hasToString("https://orders.example.com:8443/v3/api-docs");
    }

    @Test
    void aForwardedPortOrAPortInTheForwardedHostIsKept() {
        assertThat(filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443"))
                .getRequestURL()).hasToString("https://orders.example.com:8443/v3/api-docs");
        assertThat(filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "[2001:db8::1]:9443")).getRequestURL())
                .hasToString("https://[2001:db8::1]:9443/v3/api-docs");
    }

    @Test
    void httpsOnlyWhenEveryHopSaysSo() {
        assertThat(filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "HTTPS, https")).isSecure()).isTrue();
        assertThat(filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "https, http")).isSecure()).isFalse();
        assertThat(filter.forwarded(request("10.1.2.3", "X-Forwarded-Proto", "http")).isSecure()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "X-Forwarded-Proto=wss", "X-Forwarded-Proto=", "X-Forwarded-Host=evil.example.net/x",
            "X-Forwarded-Host=a.example.com, b.example.com", "X-Forwarded-Host=", "X-Forwarded-Port=0",
            "X-Forwarded-Port=70000", "X-Forwarded-Port=443, 80" })
    void garbledOrAmbiguousValuesAreIgnored(String header) {
        String[] pair = header.split("=", 2);
        MockHttpServletRequest request = request("10.1.2.3", pair[0], pair[1]);

        HttpServletRequest seen = filter.forwarded(request);

        assertThat(seen.getRequestURL()).hasToString("http://orders.example.com/v3/api-docs");
        assertThat(seen.isSecure()).isFalse();
    }
}
