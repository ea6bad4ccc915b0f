package org.ordersystem.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver in the test JVM: a real HTTP server on loopback that records every
 * request it gets (headers, body) and answers with the status, delay or body the test sets.
 * It can be stopped and started again on the same port (a receiver that is down).
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(Map<String, String> headers, String body, long receivedAtMillis) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String id() {
            return header("webhook-id");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile Duration delay = Duration.ZERO;
    private volatile byte[] responseBody = new byte[0];
    private volatile String location;
    private volatile CountDownLatch hold;
    private HttpServer server;
    private int port;

    TestReceiver() {
        start();
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Down: the port refuses connections until {@link #start()}. */
    synchronized void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    TestReceiver answering(int newStatus) {
        this.status = newStatus;
        return this;
    }

    TestReceiver delaying(Duration newDelay) {
        this.delay = newDelay;
        return this;
    }

    TestReceiver withBody(byte[] body) {
        this.responseBody = body;
        return this;
    }

    TestReceiver redirectingTo(String target) {
        this.location = target;
        return this;
    }

    /** Requests wait (unanswered) until {@link #release()}. */
    TestReceiver holding() {
        this.hold = new CountDownLatch(1);
        return this;
    }

    void release() {
        CountDownLatch current = hold;
        hold = null;
        if (current != null) {
            current.countDown();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue()),
                    (a, b) -> a));
            headers.put(":path", exchange.getRequestURI().toString());
            received.add(new Received(headers, body, System.currentTimeMillis()));
            CountDownLatch waiting = hold;
            if (waiting != null) {
                waiting.await(5, TimeUnit.MINUTES);
            }
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
            }
            byte[] answer = responseBody;
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException ex) {
            // the client gave up (timeout, body cut off): nothing to answer
        }
    }

    @Override
    public void close() {
        release();
        stop();
    }
}
