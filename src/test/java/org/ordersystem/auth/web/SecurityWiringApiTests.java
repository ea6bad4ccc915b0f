package org.ordersystem.auth.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityWiringApiTests {

    private final Api api;
    private final Accounts accounts;

    SecurityWiringApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void answersWithSecurityHeadersAndWithoutSessionsOrCookies() {
        Accounts.Account user = accounts.newUser();
        for (Api.Response response : new Api.Response[] { api.get("/api/users/me").token(user.token()).send(),
                api.get("/api/users/me").send() }) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Set-Cookie")).isNull();
            assertThat(response.header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
        }
    }

    @Test
    void leavesThePublicAuthPathsOpenAndEverythingElseUnderApiClosed() {
        assertThat(api.post("/api/auth/refresh").json(Map.of("refresh_token", "x")).send().status())
                .isEqualTo(401);
        for (String path : new String[] { "/api/users/me", "/api/users", "/api/users/1", "/api/users/statistics",
                "/api/orders", "/api/anything" }) {
            Api.Response response = api.get(path).send();
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.field("error_code")).as(path).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(api.post("/api/auth/logout").send().field("error_code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void showsHealthDetailsToAdministratorsOnly() {
        Accounts.Account user = accounts.newUser();
        String admin = accounts.admin().token();

        assertThat(api.get("/health").token(admin).send().json().at("/components/db/details").isMissingNode()).isFalse();
        assertThat(api.get("/health").token(user.token()).send().json().at("/components/db/details").isMissingNode())
                .isTrue();
    }

    @Test
    void describesTheBearerAndPasswordFlowSchemesInTheOpenApiDocument() {
        Api.Response docs = api.get("/v3/api-docs").send();

        assertThat(docs.json().at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
        assertThat(docs.json().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().at("/components/securitySchemes/oauth2/type").asString()).isEqualTo("oauth2");
        assertThat(docs.json().at("/components/securitySchemes/oauth2/flows/password/tokenUrl").asString())
                .isEqualTo("/api/auth/token");
        assertThat(docs.json().at("/paths/~1api~1users~1me/get/security").toString()).contains("bearer", "oauth2");
        assertThat(docs.json().at("/paths/~1api~1auth~1login/post/security").isMissingNode()).isTrue();
        assertThat(docs.json().at("/paths/~1api~1auth~1token/post/requestBody/content")
                .has("application/x-www-form-urlencoded")).isTrue();
    }
}
