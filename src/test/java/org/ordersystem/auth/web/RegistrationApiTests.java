package org.ordersystem.auth.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegistrationApiTests {

    private static final String PASSWORD = "Str0ng-Passw0rd!";

    private final Api api;
    private final JdbcClient jdbc;

    RegistrationApiTests(@LocalServerPort int port, @Autowired JdbcClient jdbc) {
        this.api = new Api(port);
        this.jdbc = jdbc;
    }

    @Test
    void registersAUserWithANormalisedEmailAndAnswersTheUserBody() {
        String email = unique();
        Api.Response response = register("  " + email.toUpperCase() + " ", PASSWORD, "  Ada Lovelace ");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        long id = response.json().get("id").asLong();
        assertThat(response.header("Location")).isEqualTo("/api/users/" + id);
        assertThat(response.field("email")).isEqualTo(email);
        assertThat(response.field("name")).isEqualTo("Ada Lovelace");
        assertThat(response.json().get("is_admin").asBoolean()).isFalse();
        assertThat(response.json().get("active").asBoolean()).isTrue();
        assertThat(response.field("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(response.json().get("last_login_at").isNull()).isTrue();
        assertThat(response.json().has("password")).isFalse();
        assertThat(response.json().has("senha_hash")).isFalse();
        assertThat(response.json().has("statistics")).isFalse();
    }

    @Test
    void storesOnlyABcryptHashOfThePassword() {
        String email = unique();
        register(email, PASSWORD, "Hash Check");

        String hash = jdbc.sql("select senha_hash from usuarios where email = :email").param("email", email)
                .query(String.class).single();
        assertThat(hash).startsWith("$2a$").doesNotContain(PASSWORD);
        assertThat(Integer.parseInt(hash.substring(4, 6))).isGreaterThanOrEqualTo(10);
    }

    @Test
    void refusesAnEmailAlreadyRegisteredInAnyCase() {
        String email = unique();
        assertThat(register(email, PASSWORD, "First").status()).isEqualTo(201);

        Api.Response again = register(email.replace("user", "USER"), PASSWORD, "Second");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error_code")).isEqualTo("EMAIL_EXISTS");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateExactlyOneUser() throws Exception {
        String email = unique();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String variant = i % 2 == 0 ? email : email.toUpperCase();
                attempts.add(CompletableFuture.supplyAsync(() -> register(variant, PASSWORD, "Racer").status(), pool));
            }
            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from usuarios where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAWeakPasswordNamingTheRule() {
        Map<String, String> rules = Map.of("Sh0rt!", "at least 8 bytes", "n0-upper-case!", "upper-case",
                "N0-LOWER-CASE!", "lower-case", "No-Digits-Here!", "digit", "N0Symb0lsHere", "neither a letter nor a digit",
                "L0ng-" + "x".repeat(68), "at most 72 bytes");
        rules.forEach((password, rule) -> {
            Api.Response response = register(unique(), password, "Weak");
            assertThat(response.status()).as(password).isEqualTo(400);
            assertThat(response.field("error_code")).isEqualTo("WEAK_PASSWORD");
            assertThat(response.field("detail")).as(password).contains(rule);
        });
    }

    @Test
    void refusesAnInvalidEmailOrName() {
        Api.Response badEmail = register("not-an-email", PASSWORD, "Name");
        Api.Response blankName = register(unique(), PASSWORD, "   ");
        Api.Response longName = register(unique(), PASSWORD, "n".repeat(201));
        Api.Response longEmail = register("u".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "."
                + "f".repeat(63) + ".com", PASSWORD, "Name");

        for (Api.Response response : List.of(badEmail, blankName, longName, longEmail)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(badEmail.json().at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(blankName.json().at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(register(unique(), PASSWORD, "n".repeat(200)).status()).isEqualTo(201);
    }

    @Test
    void refusesFieldsThatAreNotPartOfRegistration() {
        Api.Response massAssignment = api.post("/api/auth/register").json(Map.of("email", unique(), "password",
                PASSWORD, "name", "Sneaky", "is_admin", true)).send();
        Api.Response missing = api.post("/api/auth/register").json(Map.of("email", unique())).send();
        Api.Response broken = api.post("/api/auth/register").raw("{\"email\":", "application/json").send();

        assertThat(massAssignment.status()).isEqualTo(400);
        assertThat(massAssignment.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(massAssignment.json().at("/errors/0/field").asString()).isEqualTo("is_admin");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.field("error_code")).isEqualTo("MALFORMED_REQUEST");
    }

    private Api.Response register(String email, String password, String name) {
        return api.post("/api/auth/register").json(Map.of("email", email, "password", password, "name", name)).send();
    }

    private static String unique() {
        return "user-" + UUID.randomUUID() + "@orders.test";
    }
}
