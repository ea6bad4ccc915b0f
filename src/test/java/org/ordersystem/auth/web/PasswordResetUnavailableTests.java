package org.ordersystem.auth.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP there is no password reset: the API's paths are a 404, and the console offers no link. */
@IntegrationTest
class PasswordResetUnavailableTests {

    private final Api api;

    PasswordResetUnavailableTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theApiAnswers404() {
        for (Api.Request request : new Api.Request[] {
                api.post("/api/auth/password-reset").json(Map.of("email", "admin@orders.test")),
                api.post("/api/auth/password-reset/confirm").json(Map.of("token", "x", "new_password", "N3w-Passw0rd!")) }) {
            Api.Response response = request.send();
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.field("error_code")).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void theConsoleHasNoForgottenPasswordPage() {
        assertThat(api.get("/ui/sign-in").send().text()).doesNotContain("/ui/password-reset");
        assertThat(api.get("/ui/password-reset").send().status()).isEqualTo(404);
        assertThat(api.get("/ui/password-reset/confirm?token=abc").send().status()).isEqualTo(404);
    }
}
