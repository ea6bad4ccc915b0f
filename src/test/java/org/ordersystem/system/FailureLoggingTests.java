package org.ordersystem.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A statement the database refuses is logged without its parameters: no password hash, no e-mail. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FailureLoggingTests {

    private final Api api;
    private final Accounts accounts;

    FailureLoggingTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void refusedInsertsDoNotLogTheirValues(CapturedOutput output) {
        String email = accounts.newUser().email();
        String local = email.substring(0, email.indexOf('@'));

        Api.Response duplicate = api.post("/api/auth/register")
                .json(Map.of("email", email, "password", Accounts.PASSWORD, "name", "Second")).send();
        Api.Response nul = api.post("/api/auth/register")
                .json(Map.of("email", "x" + email, "password", Accounts.PASSWORD, "name", "a\u0000b")).send();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(serviceLog(output)).contains("SQLState").doesNotContain("$2a$").doesNotContain(local);
    }

    /** Without the test database server's own log, which the embedded server forwards here. */
    private static String serviceLog(CapturedOutput output) {
        return String.join("\n", output.getAll().lines().filter(line -> !line.contains("EmbeddedPostgres")).toList());
    }
}
