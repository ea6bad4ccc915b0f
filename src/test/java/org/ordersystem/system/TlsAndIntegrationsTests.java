package org.ordersystem.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.EdgeTest;
import org.ordersystem.support.SelfSignedCertificate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with SSL_CERT_PATH/SSL_KEY_PATH (a self-signed certificate made for the
 * run), METRICS_TOKEN, SENTRY_DSN and DATADOG_API_KEY set: it speaks HTTPS, guards /metrics,
 * and switches Sentry and the Datadog registry on, without any network call.
 */
@EdgeTest
class TlsAndIntegrationsTests {

    private final int port;
    private final ApplicationContext context;
    private final HttpClient https = SelfSignedCertificate.trustingClient();

    TlsAndIntegrationsTests(@LocalServerPort int port, @Autowired ApplicationContext context) {
        this.port = port;
        this.context = context;
    }

    @Test
    void servesHttpsWithTheGivenCertificate() throws Exception {
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("\"status\":\"UP\"");
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        URI metrics = URI.create("https://127.0.0.1:" + port + "/metrics");

        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = https.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = https.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + EdgeTest.METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("UNAUTHENTICATED");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("jvm_memory_used_bytes");
    }

    /**
     * Sentry is global to the JVM and this context stays cached: once its test is done it is
     * switched off, so errors that later tests log are not reported to it.
     */
    @AfterAll
    static void switchSentryOff() {
        io.sentry.Sentry.close();
    }

    @Test
    void sentryAndDatadogSwitchOnFromTheirVariables() {
        assertThat(context.getBean(io.sentry.IScopes.class)).isNotNull();
        assertThat(io.sentry.Sentry.isEnabled()).isTrue();
        assertThat(context.getBean(io.micrometer.datadog.DatadogMeterRegistry.class)).isNotNull();
    }
}
