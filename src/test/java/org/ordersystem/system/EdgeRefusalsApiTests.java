package org.ordersystem.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals made before Spring Security's chain, and paths that are no one's to call. */
@IntegrationTest
class EdgeRefusalsApiTests {

    private final Api api;
    private final Accounts accounts;

    EdgeRefusalsApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void anOversizedBodyIsRefusedWithTheSameSecurityHeadersAsEveryOtherError() {
        Api.Response refused = api.post("/api/orders").token(accounts.newUser().token())
                .raw("{\"notes\":\"" + "x".repeat(1_100_000) + "\"}", "application/json").send();

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.field("error_code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refused.header("Cache-Control")).contains("no-store");
        assertThat(refused.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theErrorPathIsNotRoutableFromOutside() {
        for (String method : new String[] { "GET", "HEAD", "POST", "DELETE", "OPTIONS" }) {
            Api.Response response = api.method(method, "/error").send();
            assertThat(response.status()).as(method).isEqualTo(404);
        }
        assertThat(api.get("/error").send().field("error_code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void credentialsInTheQueryStringAreRefusedEvenWhereTheyWouldWork() {
        Accounts.Account user = accounts.newUser();
        Api.Response token = api.post("/api/auth/token?grant_type=password&username=" + user.email().replace("@", "%40")
                + "&password=Str0ng-Passw0rd%21").raw("", "application/x-www-form-urlencoded").send();
        Api.Response encodedName = api.post("/api/auth/token?grant_type=password&pass%77ord=Str0ng-Passw0rd%21&username="
                + user.email().replace("@", "%40")).raw("", "application/x-www-form-urlencoded").send();
        Api.Response refresh = api.post("/api/auth/refresh?refresh_token=abc").json(Map.of("refresh_token", "abc"))
                .send();

        for (Api.Response refused : new Api.Response[] { token, encodedName, refresh }) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.field("error_code")).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.text()).doesNotContain("access_token\":");
        }
        assertThat(api.post("/api/auth/token").raw("grant_type=password&username=" + user.email().replace("@", "%40")
                + "&password=Str0ng-Passw0rd%21", "application/x-www-form-urlencoded").send().status())
                .as("the same credentials in the body").isEqualTo(200);
    }
}
