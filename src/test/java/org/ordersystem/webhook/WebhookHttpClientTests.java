package org.ordersystem.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One delivery attempt against real servers on loopback: what is refused, cut off and never followed. */
class WebhookHttpClientTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final TestReceiver receiver = new TestReceiver();
    private final WebhookHttpClient relaxed = new WebhookHttpClient(new UrlGuard(HostResolver.SYSTEM, true, true),
            TIMEOUT, 4);
    private HttpServer server;

    @AfterEach
    void stop() {
        receiver.close();
        relaxed.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedAtDeliveryWhenPrivateNetworksAreNotAllowed() {
        try (WebhookHttpClient strict = new WebhookHttpClient(new UrlGuard(HostResolver.SYSTEM, false, true), TIMEOUT,
                4)) {
            AttemptResult byName = strict.post("http://localhost:" + receiver.port() + "/", "id", 1, "v1,x", "{}");
            AttemptResult byAddress = strict.post(receiver.url("/"), "id", 1, "v1,x", "{}");

            assertThat(byName.succeeded()).isFalse();
            assertThat(byName.error()).isEqualTo("address refused: resolves to a loopback address");
            assertThat(byAddress.error()).isEqualTo("address refused: resolves to a loopback address");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void aUrlRegisteredUnderRelaxedSettingsIsRefusedOnceTheyAreStrict() {
        try (WebhookHttpClient httpsOnly = new WebhookHttpClient(new UrlGuard(HostResolver.SYSTEM, true, false),
                TIMEOUT, 4)) {
            AttemptResult result = httpsOnly.post(receiver.url("/"), "id", 1, "v1,x", "{}");

            assertThat(result.error()).isEqualTo("URL refused: must use https");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void sendsTheBodyAndTheThreeHeaders() {
        AttemptResult result = relaxed.post(receiver.url("/hook"), "msg-1", 1700000000L, "v1,abc", "{\"a\":1}");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.responseStatus()).isEqualTo(204);
        TestReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("webhook-id")).isEqualTo("msg-1");
        assertThat(request.header("webhook-timestamp")).isEqualTo("1700000000");
        assertThat(request.header("webhook-signature")).isEqualTo("v1,abc");
        assertThat(request.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (TestReceiver target = new TestReceiver()) {
            receiver.answering(307).redirectingTo(target.url("/elsewhere"));

            AttemptResult result = relaxed.post(receiver.url("/moved"), "id", 1, "v1,x", "{}");

            assertThat(result.succeeded()).isFalse();
            assertThat(result.responseStatus()).isEqualTo(307);
            assertThat(result.error()).isEqualTo("HTTP 307 (redirects are not followed)");
            assertThat(target.received()).isEmpty();
        }
    }

    @Test
    void readsNoMoreThan64KibOfTheAnswer() throws IOException {
        // 100 KiB of a promised 10 MiB, then nothing: reading on would wait for the timeout
        serve(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 10L << 20);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[100 * 1024]);
            out.flush();
            pause(Duration.ofSeconds(10));
            exchange.close();
        });

        AttemptResult result = relaxed.post("http://127.0.0.1:" + server.getAddress().getPort() + "/", "id", 1,
                "v1,x", "{}");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.durationMs()).isLessThan(1500);
    }

    @Test
    void aReceiverTricklingItsAnswerIsCutOffAtTheTimeout() throws IOException {
        serve(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                pause(Duration.ofMillis(300));
            }
            exchange.close();
        });

        AttemptResult result = relaxed.post("http://127.0.0.1:" + server.getAddress().getPort() + "/", "id", 1,
                "v1,x", "{}");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("timed out after 2000 ms");
        assertThat(result.durationMs()).isBetween(1900, 3500);
    }

    private void serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            }
            catch (IOException ex) {
                // the client hung up
            }
        });
        server.start();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
