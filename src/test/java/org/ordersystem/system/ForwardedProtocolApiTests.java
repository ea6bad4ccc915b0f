package org.ordersystem.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Api;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS ends at a proxy: from a trusted proxy (an instance with TRUSTED_PROXIES=127.0.0.1/32)
 * {@code X-Forwarded-Proto: https} makes the OpenAPI document name an https server and
 * brings HSTS; in the shared context, which trusts no proxy, the same headers change nothing.
 */
@IntegrationTest
class ForwardedProtocolApiTests {

    private static AppInstance behindProxy;

    private final Api untrusting;
    private final int untrustingPort;

    ForwardedProtocolApiTests(@LocalServerPort int port) {
        this.untrusting = new Api(port);
        this.untrustingPort = port;
    }

    @BeforeAll
    static void startBehindAProxy() {
        behindProxy = AppInstance.start("TRUSTED_PROXIES=127.0.0.1/32");
    }

    @AfterAll
    static void stop() {
        if (behindProxy != null) {
            behindProxy.close();
        }
    }

    private static Api.Response apiDocs(Api api, String... headers) {
        Api.Request request = api.get("/v3/api-docs");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        Api.Response response = request.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String serverUrl(Api.Response docs) {
        return docs.json().at("/servers/0/url").asString();
    }

    @Test
    void aTrustedProxyTerminatingTlsGetsAnHttpsServerUrlAndHsts() {
        Api.Response docs = apiDocs(behindProxy.api(), "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "orders.example.com", "X-Forwarded-Port", "443");

        assertThat(serverUrl(docs)).isEqualTo("https://orders.example.com");
        assertThat(docs.header("Strict-Transport-Security")).isNotNull().contains("max-age=31536000");
    }

    @Test
    void theForwardedSchemeAloneKeepsTheHostAndPortTheClientAddressed() {
        Api.Response docs = apiDocs(behindProxy.api(), "X-Forwarded-Proto", "https");

        assertThat(serverUrl(docs)).isEqualTo("https://127.0.0.1:" + behindProxy.port());
        assertThat(docs.header("Strict-Transport-Security")).isNotNull();
    }

    @Test
    void withoutForwardedHeadersTheTrustedProxysOwnRequestStaysHttp() {
        apiDocs(behindProxy.api(), "X-Forwarded-Proto", "https");

        Api.Response docs = apiDocs(behindProxy.api());

        assertThat(serverUrl(docs)).isEqualTo("http://127.0.0.1:" + behindProxy.port());
        assertThat(docs.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void anUntrustedPeerCannotClaimHttpsOrAnotherHost() {
        Api.Response docs = apiDocs(untrusting, "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "orders.example.com", "X-Forwarded-Port", "443");

        assertThat(serverUrl(docs)).isEqualTo("http://127.0.0.1:" + untrustingPort);
        assertThat(docs.header("Strict-Transport-Security")).isNull();
    }
}
