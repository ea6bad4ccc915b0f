package org.ordersystem.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes one delivery attempt: a POST through an HTTP client that resolves names only through
 * the {@link UrlGuard} (so it connects only to addresses the guard allowed), follows no
 * redirect, retries nothing by itself, uses no proxy, gives up after {@code timeout} in total
 * (a receiver that trickles its answer is cut off too), and reads at most 64 KiB of the answer.
 */
class WebhookHttpClient implements AutoCloseable {

    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final UrlGuard guard;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;

    WebhookHttpClient(UrlGuard guard, Duration timeout, int concurrency) {
        this.guard = guard;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(guard)
                        .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().disableContentCompression()
                .setUserAgent("order-backend-webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    AttemptResult post(String url, String id, long timestamp, String signature, String body) {
        try {
            guard.form(url);
        }
        catch (WebhookUrlRejected ex) {
            return new AttemptResult(null, 0, "URL refused: " + ex.reason());
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        AtomicInteger status = new AtomicInteger();
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            client.execute(post, response -> {
                status.set(response.getCode());
                if (!readToTheEnd(response, MAX_RESPONSE_BYTES)) {
                    // dropping the connection is the only way not to read the rest (closing drains it)
                    cutOff.set(true);
                    post.cancel();
                }
                return null;
            });
        }
        catch (IOException ex) {
            if (!cutOff.get()) {
                boolean timedOut = !(ex instanceof AddressRefused) && (post.isCancelled()
                        || ex instanceof SocketTimeoutException || ex instanceof InterruptedIOException);
                return new AttemptResult(null, elapsed(start),
                        timedOut ? "timed out after " + timeout.toMillis() + " ms" : describe(ex));
            }
        }
        finally {
            deadline.cancel(false);
        }
        int code = status.get();
        return new AttemptResult(code, elapsed(start), code >= 200 && code < 300 ? null : describe(code));
    }

    /** Reads the answer to its end if that comes within {@code limit} bytes; false when it is longer. */
    private static boolean readToTheEnd(ClassicHttpResponse response, int limit) throws IOException {
        if (response.getEntity() == null) {
            return true;
        }
        InputStream body = response.getEntity().getContent();
        if (body == null) {
            return true;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = body.read(buffer)) != -1) {
            read += n;
            if (read > limit) {
                return false;
            }
        }
        return true;
    }

    private static String describe(int status) {
        return status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
    }

    private static String describe(IOException ex) {
        if (ex instanceof AddressRefused) {
            return "address refused: " + ex.getMessage();
        }
        if (ex instanceof UnknownHostException) {
            return "host not found";
        }
        if (ex instanceof ConnectException || ex instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (ex instanceof SSLException) {
            return "TLS failed";
        }
        return "connection failed (" + ex.getClass().getSimpleName() + ")";
    }

    private static int elapsed(long start) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
