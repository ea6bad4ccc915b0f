package org.ordersystem.user.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PATCH /api/users/me and the password change. */
@IntegrationTest
class ProfileApiTests {

    private final Api api;
    private final Accounts accounts;

    ProfileApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void showsTheCallersAccountWithOrderStatistics() {
        Accounts.Account user = accounts.newUser();
        Api.Response me = api.get("/api/users/me").token(user.token()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().propertyNames()).containsExactlyInAnyOrder("id", "email", "name", "is_admin", "active",
                "created_at", "last_login_at", "statistics");
        assertThat(me.json().get("id").asLong()).isEqualTo(user.id());
        assertThat(me.field("email")).isEqualTo(user.email());
        assertThat(me.json().at("/statistics/total_orders").asLong()).isZero();
        assertThat(me.json().at("/statistics/pending_orders").asLong()).isZero();
        assertThat(me.json().at("/statistics/total_spent").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(me.field("last_login_at")).endsWith("Z");
    }

    @Test
    void changesNameAndEmailAndLeavesWhatIsAbsent() {
        Accounts.Account user = accounts.newUser();
        String newEmail = "renamed-" + UUID.randomUUID() + "@orders.test";

        Api.Response renamed = patch(user, Map.of("name", "  Grace Hopper  "));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.field("name")).isEqualTo("Grace Hopper");
        assertThat(renamed.field("email")).isEqualTo(user.email());
        assertThat(renamed.json().has("statistics")).isFalse();

        Api.Response moved = patch(user, Map.of("email", " " + newEmail.toUpperCase()));
        assertThat(moved.field("email")).isEqualTo(newEmail);
        assertThat(moved.field("name")).isEqualTo("Grace Hopper");
        assertThat(api.get("/api/users/me").token(user.token()).send().field("email")).isEqualTo(newEmail);
        assertThat(accounts.login(newEmail, Accounts.PASSWORD)).isNotBlank();
    }

    @Test
    void refusesAnEmailTakenByAnotherAccountInAnyCase() {
        Accounts.Account user = accounts.newUser();
        Accounts.Account other = accounts.newUser();

        Api.Response taken = patch(user, Map.of("email", other.email().toUpperCase()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field("error_code")).isEqualTo("EMAIL_EXISTS");
        assertThat(patch(user, Map.of("email", user.email())).status()).as("one's own email").isEqualTo(200);
    }

    @Test
    void refusesInvalidValuesAndFieldsThatCannotBeChangedHere() {
        Accounts.Account user = accounts.newUser();

        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("email", "nope"),
                Map.of("name", " "), Map.of("name", "n".repeat(201)), Map.of("is_admin", true), Map.of("active", false),
                Map.of("id", 1), Map.of("password", "Str0ng-Passw0rd!"))) {
            Api.Response response = patch(user, body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.field("error_code")).as(body.toString()).isEqualTo("VALIDATION_FAILED");
        }
        Api.Response me = api.get("/api/users/me").token(user.token()).send();
        assertThat(me.json().get("is_admin").asBoolean()).isFalse();
        assertThat(me.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOneAndAStrongNewOne() {
        Accounts.Account user = accounts.newUser();

        Api.Response wrongCurrent = changePassword(user, "Wr0ng-Passw0rd!", "N3w-Passw0rd!");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(wrongCurrent.json().at("/errors/0/field").asString()).isEqualTo("current_password");

        Api.Response weak = changePassword(user, Accounts.PASSWORD, "weakweak");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.field("error_code")).isEqualTo("WEAK_PASSWORD");
        assertThat(weak.field("detail")).contains("upper-case");

        assertThat(changePassword(user, Accounts.PASSWORD, "N3w-Passw0rd!").status()).isEqualTo(204);
        Api.Response oldPassword = api.post("/api/auth/login")
                .json(Map.of("email", user.email(), "password", Accounts.PASSWORD)).send();
        assertThat(oldPassword.field("error_code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(accounts.login(user.email(), "N3w-Passw0rd!")).isNotBlank();
    }

    private Api.Response patch(Accounts.Account user, Map<String, ?> body) {
        return api.patch("/api/users/me").token(user.token()).json(body).send();
    }

    private Api.Response changePassword(Accounts.Account user, String current, String next) {
        return api.post("/api/users/me/password").token(user.token())
                .json(Map.of("current_password", current, "new_password", next)).send();
    }
}
