package org.ordersystem.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OperationsApiTests {

    private final Api api;

    OperationsApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void healthShowsDatabaseAndRedisWithoutDetailsToAnonymousCallers() {
        Api.Response health = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/health").send(), response -> response.status() == 200);

        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/redis/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/diskSpace/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/ping/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/details").isMissingNode()).isTrue();
    }

    @Test
    void probesAnswerUp() {
        assertThat(api.get("/health/liveness").send().status()).isEqualTo(200);
        Api.Response readiness = api.get("/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/redis").isMissingNode()).isTrue();
    }

    @Test
    void metricsArePrometheusTextWithRequestLatencyHistograms() {
        api.get("/health").send();
        Api.Response metrics = api.get("/metrics").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.text()).contains("http_server_requests_seconds_bucket{")
                .contains("le=\"0.005\"").contains("le=\"5.0\"")
                .contains("hikaricp_connections_active")
                .contains("application=\"order-backend\"");
    }

    @Test
    void infoHasBuildGitAndJava() {
        Api.Response info = api.get("/info").send();

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().at("/build/artifact").asString()).isEqualTo("order-backend");
        assertThat(info.json().at("/java/version").asString()).isNotBlank();
        assertThat(info.json().has("git")).isTrue();
    }

    @Test
    void exposesNoOtherActuatorEndpoint() {
        for (String path : new String[] { "/env", "/beans", "/configprops", "/heapdump", "/loggers", "/mappings",
                "/threaddump", "/actuator", "/actuator/env", "/shutdown" }) {
            Api.Response response = api.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.field("error_code")).as(path).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void openApiDocumentDescribesEveryOrderEndpointWithSchemasAndProblems() {
        tools.jackson.databind.JsonNode docs = api.get("/v3/api-docs").send().json();

        for (String path : new String[] { "/api/orders", "/api/orders/{id}", "/api/orders/{id}/status",
                "/api/orders/{id}/history", "/api/orders/statistics", "/api/orders/export", "/api/orders/{orderId}/items",
                "/api/orders/{orderId}/items/{itemId}", "/api/auth/register", "/api/auth/token", "/api/users/me" }) {
            assertThat(docs.at("/paths").has(path)).as(path).isTrue();
        }
        assertThat(docs.at("/paths/~1api~1orders/post/responses/201/content/application~1json/schema/$ref")
                .asString()).endsWith("/OrderResponse");
        assertThat(docs.at("/paths/~1api~1orders~1{id}/patch/responses/412/content/application~1problem+json"
                + "/schema/$ref").asString()).endsWith("/Problem");
        assertThat(docs.at("/paths/~1api~1orders/post/responses/422").isMissingNode()).isFalse();
        assertThat(docs.at("/components/schemas/OrderResponse/properties").has("allowed_transitions")).isTrue();
        for (String operation : new String[] { "~1api~1orders", "~1api~1orders~1export" }) {
            List<String> parameters = new ArrayList<>();
            docs.at("/paths/" + operation + "/get/parameters").forEach(p -> parameters.add(p.get("name").asString()));
            assertThat(parameters).as(operation).contains("status", "created_from", "created_to", "total_min",
                    "total_max", "q", "user_id", "sort");
        }
        assertThat(docs.at("/paths/~1api~1orders~1export/get/responses/200/content").has("text/csv;charset=UTF-8"))
                .as(docs.at("/paths/~1api~1orders~1export/get/responses/200").toString()).isTrue();
        assertThat(docs.at("/components/schemas/Problem/properties").has("error_code")).isTrue();
        assertThat(docs.at("/components/securitySchemes/oauth2/flows/password/tokenUrl").asString())
                .isEqualTo("/api/auth/token");
    }

    @Test
    void openApiDocumentIsServed() {
        Api.Response docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.field("openapi")).startsWith("3.1");
        assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
    }
}
