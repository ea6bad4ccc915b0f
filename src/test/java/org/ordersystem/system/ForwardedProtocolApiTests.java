package org.ordersystem.system;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * TLS ends at a proxy: from a trusted proxy (TRUSTED_PROXIES) {@code X-Forwarded-Proto: https}
 * makes the OpenAPI document name an https server and brings HSTS; from anyone else the same
 * headers change nothing. The trusted proxy's requests go through the shared context's whole
 * filter chain with MockMvc, which can give a request another peer address; the untrusted
 * peer is a real connection from this machine.
 */
@IntegrationTest
class ForwardedProtocolApiTests {

    /** The address and port the proxy's requests are sent to, as the application sees them. */
    private static final String PROXIED_ORIGIN = "http://127.0.0.1:8443";

    private final MockMvc mvc;
    private final Api untrusted;
    private final int port;

    ForwardedProtocolApiTests(@Autowired MockMvc mvc, @LocalServerPort int port) {
        this.mvc = mvc;
        this.untrusted = new Api(port);
        this.port = port;
    }

    @Test
    void aTrustedProxyTerminatingTlsGetsAnHttpsServerUrlAndHsts() throws Exception {
        MockHttpServletResponse docs = fromTrustedProxy("X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "orders.example.com", "X-Forwarded-Port", "443");

        assertThat(serverUrl(docs)).isEqualTo("https://orders.example.com");
        assertThat(docs.getHeader("Strict-Transport-Security")).isNotNull().contains("max-age=31536000");
    }

    @Test
    void theForwardedSchemeAloneKeepsTheHostAndPortTheClientAddressed() throws Exception {
        MockHttpServletResponse docs = fromTrustedProxy("X-Forwarded-Proto", "https");

        assertThat(serverUrl(docs)).isEqualTo("https://127.0.0.1:8443");
        assertThat(docs.getHeader("Strict-Transport-Security")).isNotNull();
    }

    @Test
    void withoutForwardedHeadersTheTrustedProxysOwnRequestStaysHttp() throws Exception {
        fromTrustedProxy("X-Forwarded-Proto", "https");

        MockHttpServletResponse docs = fromTrustedProxy();

        assertThat(serverUrl(docs)).isEqualTo(PROXIED_ORIGIN);
        assertThat(docs.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void anUntrustedPeerCannotClaimHttpsOrAnotherHost() {
        Api.Response docs = untrusted.get("/v3/api-docs").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "orders.example.com").header("X-Forwarded-Port", "443").send();

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().at("/servers/0/url").asString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(docs.header("Strict-Transport-Security")).isNull();
    }

    private MockHttpServletResponse fromTrustedProxy(String... headers) throws Exception {
        MockHttpServletRequestBuilder request = get(PROXIED_ORIGIN + "/v3/api-docs").header("Host", "127.0.0.1:8443")
                .with(sent -> {
                    sent.setRemoteAddr(IntegrationTest.TRUSTED_PROXY);
                    return sent;
                });
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response;
    }

    private static String serverUrl(MockHttpServletResponse docs) throws Exception {
        return JsonPath.read(docs.getContentAsString(), "$.servers[0].url");
    }
}
