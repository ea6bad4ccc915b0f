package org.ordersystem.webhook;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.PathSpellings;
import org.ordersystem.webhook.Webhooks.Endpoint;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of /api/webhooks: who may call it, what it accepts, what it answers. */
@IntegrationTest
class WebhookApiTests {

    private static final String URL = "http://127.0.0.1:9/hooks";

    private final Api api;
    private final Accounts accounts;
    private final Webhooks webhooks;

    WebhookApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.webhooks = new Webhooks(api, accounts.admin().token());
    }

    @AfterEach
    void cleanUp() {
        webhooks.deleteAll();
    }

    @Test
    void anEndpointIsCreatedWithASecretShownOnlyThenAndOnRotation() {
        Api.Response created = webhooks.request("POST", "/api/webhooks").json(Map.of("url", URL,
                "events", List.of("order.placed", "order.deleted"), "description", "fulfilment")).send();

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/webhooks/" + id);
        assertThat(created.field("url")).isEqualTo(URL);
        assertThat(created.field("description")).isEqualTo("fulfilment");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.json().get("events").valueStream().map(e -> e.asString()))
                .containsExactly("order.placed", "order.deleted");
        assertThat(created.json().get("created_at").asString()).endsWith("Z");
        String secret = created.field("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);

        Api.Response one = webhooks.send("GET", "/api/webhooks/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().has("secret")).isFalse();
        assertThat(one.text()).doesNotContain(secret.substring(6));
        Api.Response list = webhooks.send("GET", "/api/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("\"id\":" + id).doesNotContain("secret");
        assertThat(webhooks.send("DELETE", "/api/webhooks/" + id).status()).isEqualTo(204);
        assertThat(webhooks.send("GET", "/api/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        Endpoint endpoint = webhooks.create(URL, "order.placed");

        Api.Response changed = webhooks.request("PATCH", "/api/webhooks/" + endpoint.id())
                .json(Map.of("events", List.of("order.updated"), "active", false)).send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("url")).isEqualTo(URL);
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(changed.json().get("events").get(0).asString()).isEqualTo("order.updated");
        assertThat(changed.json().has("secret")).isFalse();
        Api.Response renamed = webhooks.request("PATCH", "/api/webhooks/" + endpoint.id())
                .json(Map.of("url", "http://127.0.0.1:10/other", "description", "accounting")).send();
        assertThat(renamed.field("url")).isEqualTo("http://127.0.0.1:10/other");
        assertThat(renamed.field("description")).isEqualTo("accounting");
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        Endpoint endpoint = webhooks.create(URL, "order.placed");
        List<Map<String, Object>> bodies = List.of(
                Map.of("url", URL, "events", List.of("order.shipped")),
                Map.of("url", URL, "events", List.of()),
                Map.of("url", URL),
                Map.of("events", List.of("order.placed")),
                Map.of("url", URL, "events", List.of("order.placed"), "secret", "whsec_mine"),
                Map.of("url", URL, "events", List.of("order.placed"), "active", false, "id", 1),
                Map.of("url", URL, "events", "order.placed"),
                Map.of("url", URL, "events", List.of("order.placed"), "description", "x".repeat(501)));
        for (Map<String, Object> body : bodies) {
            Api.Response refused = webhooks.request("POST", "/api/webhooks").json(body).send();
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.field("error_code")).as(body.toString()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        Api.Response unknownEvent = webhooks.request("PATCH", "/api/webhooks/" + endpoint.id())
                .json(Map.of("events", List.of("order.placed", "user.created"))).send();
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownEvent.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
        Api.Response unknownField = webhooks.request("PATCH", "/api/webhooks/" + endpoint.id())
                .json(Map.of("secret", "whsec_AAAA")).send();
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(webhooks.send("GET", "/api/webhooks/" + endpoint.id() + "/deliveries?size=101").status())
                .isEqualTo(400);
        assertThat(webhooks.send("GET", "/api/webhooks/" + endpoint.id() + "/deliveries?page=-1").status())
                .isEqualTo(400);
    }

    @Test
    void aUrlTheGuardRefusesIs400WebhookUrlRejected() {
        Endpoint endpoint = webhooks.create(URL, "order.placed");
        // the test context allows http and private networks; these stay refused whatever the settings
        for (String url : List.of("http://user:pass@127.0.0.1/", "https://169.254.169.254/latest/meta-data/",
                "ftp://127.0.0.1/", "https://[fd00:ec2::254]/", "not a url", "https://no-such-host.invalid/")) {
            Api.Response refused = webhooks.request("POST", "/api/webhooks")
                    .json(Map.of("url", url, "events", List.of("order.placed"))).send();
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.field("error_code")).as(url).isEqualTo("WEBHOOK_URL_REJECTED");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        }
        Api.Response patched = webhooks.request("PATCH", "/api/webhooks/" + endpoint.id())
                .json(Map.of("url", "https://169.254.169.254/")).send();
        assertThat(patched.field("error_code")).isEqualTo("WEBHOOK_URL_REJECTED");
        assertThat(webhooks.send("GET", "/api/webhooks/" + endpoint.id()).field("url")).isEqualTo(URL);
    }

    @Test
    void anUnknownEndpointIs404WebhookNotFoundOnEveryRoute() {
        List<String> wrong = new ArrayList<>();
        for (String[] route : new String[][] { { "GET", "" }, { "PATCH", "" }, { "DELETE", "" },
                { "POST", "/rotate-secret" }, { "POST", "/test" }, { "GET", "/deliveries" },
                { "POST", "/deliveries/1/redeliver" } }) {
            Api.Request request = webhooks.request(route[0], "/api/webhooks/999999999" + route[1]);
            if (route[0].equals("PATCH")) {
                request.json(Map.of("description", "x"));
            }
            Api.Response response = request.send();
            if (response.status() != 404 || !"WEBHOOK_NOT_FOUND".equals(response.field("error_code"))) {
                wrong.add(route[0] + " " + route[1] + ": " + response);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRouteIsForAdministratorsOnlyHoweverItsPathIsSpelled() {
        Endpoint endpoint = webhooks.create(URL, "order.placed");
        String user = accounts.newUser().token();
        String base = "/api/webhooks/" + endpoint.id();
        List<String[]> routes = List.of(new String[] { "GET", "/api/webhooks" },
                new String[] { "POST", "/api/webhooks" }, new String[] { "GET", base },
                new String[] { "PATCH", base }, new String[] { "DELETE", base },
                new String[] { "POST", base + "/rotate-secret" }, new String[] { "POST", base + "/test" },
                new String[] { "GET", base + "/deliveries" }, new String[] { "POST", base + "/deliveries/1/redeliver" },
                new String[] { "HEAD", base }, new String[] { "OPTIONS", base });
        List<String> admitted = new ArrayList<>();
        for (String[] route : routes) {
            admitted.addAll(PathSpellings.notMeetingGate(api, route[0], route[1], user,
                    Map.of("url", URL, "events", List.of("order.placed")), 403));
            Api.Response anonymous = api.method(route[0], route[1]).send();
            if (anonymous.status() != 401) {
                admitted.add(route[0] + " " + route[1] + " anonymous: " + anonymous.status());
            }
        }
        assertThat(admitted).isEmpty();
        assertThat(webhooks.send("GET", base).json().get("active").asBoolean()).isTrue();
        assertThat(api.get(base).token(user).send().field("error_code")).isEqualTo("INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void theDeliveriesPageHasTheListsShape() {
        Endpoint endpoint = webhooks.create(URL, "order.placed");

        Api.Response page = webhooks.send("GET", "/api/webhooks/" + endpoint.id() + "/deliveries?page=0&size=5");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content").isArray()).isTrue();
        assertThat(page.json().get("page").get("size").asInt()).isEqualTo(5);
        assertThat(page.json().get("page").get("number").asInt()).isZero();
        assertThat(page.json().get("page").has("total_elements")).isTrue();
        assertThat(page.json().get("page").has("total_pages")).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheWebhookRoutes() {
        Api.Response document = api.get("/v3/api-docs").send();

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/webhooks/{id}/rotate-secret")).isTrue();
        assertThat(document.text()).contains("WEBHOOK_URL_REJECTED", "WEBHOOK_NOT_FOUND", "webhook-signature");
    }

    @Test
    void theWebhookMetricsAreExposedBeforeTheFirstDelivery() {
        String metrics = api.get("/metrics").send().text();

        assertThat(metrics).contains("webhooks_deliveries_total{", "outcome=\"succeeded\"", "outcome=\"failed\"",
                "webhooks_delivery_duration_seconds_count{", "webhooks_pending{",
                "webhooks_oldest_pending_age_seconds{", "webhooks_endpoints_deactivated_total{");
    }
}
