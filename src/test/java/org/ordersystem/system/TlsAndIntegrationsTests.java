package org.ordersystem.system;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with SSL_CERT_PATH/SSL_KEY_PATH (a self-signed certificate made here),
 * METRICS_TOKEN, SENTRY_DSN and DATADOG_API_KEY set: it speaks HTTPS, guards /metrics,
 * and switches Sentry and the Datadog registry on, without any network call.
 */
@ExtendWith(TestServicesExtension.class)
class TlsAndIntegrationsTests {

    static final String METRICS_TOKEN = "metrics-token-for-tests-only";

    @TempDir
    static Path dir;
    static AppInstance instance;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();

        instance = AppInstance.start("SSL_CERT_PATH=" + cert, "SSL_KEY_PATH=" + key, "METRICS_TOKEN=" + METRICS_TOKEN,
                "SENTRY_DSN=https://publickey@127.0.0.1:9/1", "DATADOG_API_KEY=datadog-key-for-tests",
                "management.datadog.metrics.export.step=1h", "management.datadog.metrics.export.uri=http://127.0.0.1:9");
        https = HttpClient.newBuilder().sslContext(trusting(Files.readAllBytes(cert)))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void servesHttpsWithTheGivenCertificate() throws Exception {
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + instance.port() + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("\"status\":\"UP\"");
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        URI metrics = URI.create("https://127.0.0.1:" + instance.port() + "/metrics");

        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = https.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = https.send(HttpRequest.newBuilder(metrics)
                .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("UNAUTHENTICATED");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void sentryAndDatadogSwitchOnFromTheirVariables() {
        assertThat(instance.bean(io.sentry.IScopes.class)).isNotNull();
        assertThat(io.sentry.Sentry.isEnabled()).isTrue();
        assertThat(instance.bean(io.micrometer.datadog.DatadogMeterRegistry.class)).isNotNull();
    }

    private static SSLContext trusting(byte[] pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("self-signed",
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem)));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
