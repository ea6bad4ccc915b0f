package org.ordersystem.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.ordersystem.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook API as an administrator drives it, and the endpoints a test created (deleted afterwards). */
final class Webhooks {

    /** A registered endpoint and its secret. */
    record Endpoint(long id, String secret) {
    }

    private final Api api;
    private final String adminToken;
    private final List<Long> created = new ArrayList<>();

    Webhooks(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    Endpoint create(String url, String... events) {
        Api.Response response = api.post("/api/webhooks").token(adminToken)
                .json(Map.of("url", url, "events", List.of(events))).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Endpoint endpoint = new Endpoint(response.json().get("id").asLong(), response.field("secret"));
        created.add(endpoint.id());
        return endpoint;
    }

    Api.Response send(String method, String path) {
        return api.method(method, path).token(adminToken).send();
    }

    Api.Request request(String method, String path) {
        return api.method(method, path).token(adminToken);
    }

    /** The endpoint's deliveries, newest first (first page of 100). */
    List<JsonNode> deliveries(long id) {
        Api.Response response = api.get("/api/webhooks/" + id + "/deliveries?size=100").token(adminToken).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        response.json().get("content").forEach(deliveries::add);
        return deliveries;
    }

    /** Deletes what this test created, so no later order write is recorded for a receiver that is gone. */
    void deleteAll() {
        created.forEach(id -> api.delete("/api/webhooks/" + id).token(adminToken).send());
        created.clear();
    }
}
