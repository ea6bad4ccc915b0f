package org.ordersystem.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that uses the console as a browser without JavaScript does:
 * it reads the CSRF token from the last page it got and sends it with each form, and it does
 * not follow redirects, so tests see them. Public for the tests of pages that need a set-up of
 * their own (the forgotten-password pages need SMTP).
 */
public final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient client;
    private String csrf;

    public ConsoleBrowser(int port) {
        this(port, new CookieManager());
    }

    private ConsoleBrowser(int port, CookieManager cookies) {
        this.base = "http://127.0.0.1:" + port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser (its cookies) talking to another instance of the service on this host. */
    public ConsoleBrowser on(int port) {
        ConsoleBrowser other = new ConsoleBrowser(port, cookies);
        other.csrf = csrf;
        return other;
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** GET a path, or an absolute URL (a redirect's Location). */
    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET()));
    }

    /** GET, following the redirects of the console (sign-in, post/redirect/get) to the final page. */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response = get(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, form);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    public ConsoleBrowser signIn(String email, String password) {
        get("/ui/sign-in");
        HttpResponse<String> response = post("/ui/sign-in", Map.of("email", email, "password", password));
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/ui/orders")) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.headers().map());
        }
        return this;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
