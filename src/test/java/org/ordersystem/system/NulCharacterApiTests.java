package org.ordersystem.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL text cannot hold U+0000. Wherever a client can put one (JSON strings, query
 * parameters, form fields), the answer is a 400 problem and nothing is stored.
 */
@IntegrationTest
class NulCharacterApiTests {

    private static final String NUL = "\u0000";

    private final Api api;
    private final Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    NulCharacterApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void registrationWithANulInTheNameIsRefusedAndCreatesNoUser() {
        long users = count("usuarios");

        assertRefused(api.post("/api/auth/register").json(Map.of("email", "nul-" + System.nanoTime() + "@orders.test",
                "password", Accounts.PASSWORD, "name", "a" + NUL + "b")).send());
        assertThat(count("usuarios")).isEqualTo(users);
    }

    @Test
    void signInWithANulInTheEmailIsRefused() {
        assertRefused(api.post("/api/auth/login").json(Map.of("email", "a" + NUL + "@orders.test",
                "password", Accounts.PASSWORD)).send());
        assertRefused(api.post("/api/auth/token").raw("grant_type=password&username=a%00b&password=x",
                "application/x-www-form-urlencoded").send());
    }

    @Test
    void profileChangeWithANulIsRefusedAndChangesNothing() {
        Account user = accounts.newUser();

        assertRefused(api.patch("/api/users/me").token(user.token()).json(Map.of("name", "x" + NUL)).send());
        assertThat(api.get("/api/users/me").token(user.token()).send().field("name")).isEqualTo("Test User");
    }

    @Test
    void searchWithANulIsRefused() {
        Account admin = accounts.admin();

        assertRefused(api.get("/api/users?q=a%00b").token(admin.token()).send());
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
