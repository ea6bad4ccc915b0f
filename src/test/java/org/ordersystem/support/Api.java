package org.ordersystem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for driving the running application in tests, the way a REST client would. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this("http://127.0.0.1:" + port);
    }

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request patch(String path) {
        return new Request("PATCH", path);
    }

    public Request put(String path) {
        return new Request("PUT", path);
    }

    public Request delete(String path) {
        return new Request("DELETE", path);
    }

    /** Any method, e.g. HEAD or OPTIONS; the path is sent exactly as written. */
    public Request method(String method, String path) {
        return new Request(method, path);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public final class Request {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request token(String accessToken) {
            return header("Authorization", "Bearer " + accessToken);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body from a map, list or record. */
        public Request json(Object value) {
            return raw(JSON.writeValueAsString(value), "application/json");
        }

        public Request raw(String text, String contentType) {
            this.body = text;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    public static final class Response {

        private final HttpResponse<String> response;
        private JsonNode json;

        Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            if (json == null) {
                json = JSON.readTree(response.body() == null || response.body().isEmpty() ? "null" : response.body());
            }
            return json;
        }

        /** A field of the JSON body as text, e.g. {@code "error_code"}. */
        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
