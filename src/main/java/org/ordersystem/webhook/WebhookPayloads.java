package org.ordersystem.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The request body of an event: {@code {"type", "timestamp", "data"}}, written with the API's JSON settings. */
class WebhookPayloads {

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    String payload(String type, Instant timestamp, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp);
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
