package org.ordersystem.system;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Framework-level failures answered in the contract's problem+json shape, and request ids. */
@IntegrationTest
class RequestHandlingApiTests {

    private final Api api;

    RequestHandlingApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void echoesASaneRequestId() {
        Api.Response response = api.get("/health/liveness").header("X-Request-Id", "abc-123.XYZ").send();

        assertThat(response.header("X-Request-Id")).isEqualTo("abc-123.XYZ");
    }

    @Test
    void replacesAnInsaneRequestIdWithAFreshOne() {
        Api.Response response = api.get("/health/liveness").header("X-Request-Id", "evil\"id with spaces{}").send();

        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void generatesARequestIdWhenNoneIsGiven() {
        Api.Response first = api.get("/nope").send();
        Api.Response second = api.get("/nope").send();

        assertThat(first.header("X-Request-Id")).isNotBlank().isNotEqualTo(second.header("X-Request-Id"));
        assertThat(first.field("request_id")).isEqualTo(first.header("X-Request-Id"));
    }

    @Test
    void requestRefusedByTheServletContainerIsAProblemToo() {
        Api.Response response = api.get("/api/orders").header("X-Padding", "x".repeat(20_000)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("error_code")).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.text()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void unknownRouteIsAProblem404() {
        Api.Response response = api.get("/no/such/route").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("error_code")).isEqualTo("NOT_FOUND");
        assertThat(response.field("type")).isEqualTo("/problems/not-found");
        assertThat(response.field("instance")).isEqualTo("/no/such/route");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void wrongVerbIsAProblem405WithAllow() {
        Api.Response response = api.delete("/info").send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.field("error_code")).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void oversizedBodyIsAProblem413BeforeItIsRead() {
        Api.Response response = api.post("/api/auth/register").raw("x".repeat(1024 * 1024 + 1), "application/json")
                .send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.field("error_code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void errorBodiesNeverCarryStackTracesOrClassNames() {
        Api.Response response = api.get("/api/orders/%00%2F..%2F").send();

        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.");
    }
}
