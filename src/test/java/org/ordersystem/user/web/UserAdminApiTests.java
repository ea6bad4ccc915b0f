package org.ordersystem.user.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin endpoints of /api/users, and what promotion and deactivation do to live tokens. */
@IntegrationTest
class UserAdminApiTests {

    private final Api api;
    private final Accounts accounts;

    UserAdminApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void refusesRegularUsersEveryAdminEndpoint() {
        Accounts.Account user = accounts.newUser();
        Accounts.Account other = accounts.newUser();

        for (Api.Request request : new Api.Request[] { api.get("/api/users"), api.get("/api/users/" + other.id()),
                api.get("/api/users/statistics"), api.post("/api/users/" + other.id() + "/promote"),
                api.post("/api/users/" + other.id() + "/deactivate"), api.post("/api/users/" + other.id() + "/activate"),
                api.post("/api/users/" + user.id() + "/promote") }) {
            Api.Response response = request.token(user.token()).send();
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.field("error_code")).isEqualTo("INSUFFICIENT_PERMISSIONS");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/users/me").token(user.token()).send().json().get("is_admin").asBoolean()).isFalse();
    }

    @Test
    void listsUsersPagedAndSearchesByNameOrEmail() {
        String admin = accounts.admin().token();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api.post("/api/auth/register").json(Map.of("email", "list-" + marker + "-" + i + "@orders.test", "password",
                    Accounts.PASSWORD, "name", "Listed " + i)).send();
        }
        api.post("/api/auth/register").json(Map.of("email", "named-" + UUID.randomUUID() + "@orders.test", "password",
                Accounts.PASSWORD, "name", "Zed " + marker.toUpperCase())).send();

        Api.Response page = api.get("/api/users?q=" + marker.toUpperCase() + "&size=2").token(admin).send();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("content")).hasSize(2);
        assertThat(page.json().at("/page/number").asInt()).isZero();
        assertThat(page.json().at("/page/size").asInt()).isEqualTo(2);
        assertThat(page.json().at("/page/total_elements").asLong()).isEqualTo(4);
        assertThat(page.json().at("/page/total_pages").asInt()).isEqualTo(2);
        assertThat(page.json().at("/content/0").propertyNames()).containsExactlyInAnyOrder("id", "email", "name",
                "is_admin", "active", "created_at", "last_login_at");
        Api.Response second = api.get("/api/users?q=" + marker + "&size=2&page=1").token(admin).send();
        assertThat(second.json().get("content")).hasSize(2);
        assertThat(second.json().at("/content/1/name").asString()).isEqualTo("Zed " + marker.toUpperCase());
        assertThat(api.get("/api/users?q=%25").token(admin).send().json().at("/page/total_elements").asLong())
                .as("% is searched for literally").isZero();
        assertThat(api.get("/api/users").token(admin).send().json().at("/page/size").asInt()).isEqualTo(20);
    }

    @Test
    void refusesPageParametersOutOfRange() {
        String admin = accounts.admin().token();

        for (String query : new String[] { "size=0", "size=101", "page=-1", "page=x", "size=ten" }) {
            Api.Response response = api.get("/api/users?" + query).token(admin).send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.field("error_code")).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get("/api/users?size=100").token(admin).send().status()).isEqualTo(200);
    }

    @Test
    void showsAUserWithOrderStatisticsOrAnswersNotFound() {
        String admin = accounts.admin().token();
        Accounts.Account user = accounts.newUser();

        Api.Response found = api.get("/api/users/" + user.id()).token(admin).send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.field("email")).isEqualTo(user.email());
        assertThat(found.json().at("/statistics/total_orders").asLong()).isZero();
        assertThat(found.json().at("/statistics/pending_orders").asLong()).isZero();
        assertThat(found.json().at("/statistics/total_spent").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);

        for (Api.Request request : new Api.Request[] { api.get("/api/users/999999999"),
                api.post("/api/users/999999999/promote"), api.post("/api/users/999999999/deactivate"),
                api.post("/api/users/999999999/activate") }) {
            Api.Response missing = request.token(admin).send();
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.field("error_code")).isEqualTo("USER_NOT_FOUND");
        }
    }

    @Test
    void promotionTakesEffectOnTheUsersLiveToken() {
        String admin = accounts.admin().token();
        Accounts.Account user = accounts.newUser();
        assertThat(api.get("/api/users").token(user.token()).send().status()).isEqualTo(403);

        Api.Response promoted = api.post("/api/users/" + user.id() + "/promote").token(admin).send();
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().get("is_admin").asBoolean()).isTrue();

        assertThat(api.get("/api/users").token(user.token()).send().status()).isEqualTo(200);
        assertThat(api.post("/api/users/" + user.id() + "/promote").token(admin).send().status()).as("idempotent")
                .isEqualTo(200);
    }

    @Test
    void deactivationRefusesTheUsersNextRequestUntilActivatedAgain() {
        String admin = accounts.admin().token();
        Accounts.Account user = accounts.newUser();
        assertThat(api.get("/api/users/me").token(user.token()).send().status()).isEqualTo(200);

        Api.Response deactivated = api.post("/api/users/" + user.id() + "/deactivate").token(admin).send();
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();

        for (Api.Request request : new Api.Request[] { api.get("/api/users/me"), api.get("/api/orders"),
                api.post("/api/auth/logout") }) {
            Api.Response refused = request.token(user.token()).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.field("error_code")).isEqualTo("ACCOUNT_DEACTIVATED");
        }

        Api.Response activated = api.post("/api/users/" + user.id() + "/activate").token(admin).send();
        assertThat(activated.json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/users/me").token(user.token()).send().field("error_code"))
                .as("deactivation ended the session").isEqualTo("TOKEN_INVALID");
        assertThat(api.get("/api/users/me").token(accounts.login(user.email(), Accounts.PASSWORD)).send().status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorCannotDeactivateThemselves() {
        Accounts.Account admin = accounts.admin();

        Api.Response refused = api.post("/api/users/" + admin.id() + "/deactivate").token(admin.token()).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/users/me").token(admin.token()).send().status()).isEqualTo(200);
    }

    @Test
    void countsUsers() {
        String admin = accounts.admin().token();
        Api.Response before = api.get("/api/users/statistics").token(admin).send();
        Accounts.Account user = accounts.newUser();
        api.post("/api/users/" + user.id() + "/deactivate").token(admin).send();

        Api.Response after = api.get("/api/users/statistics").token(admin).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().propertyNames()).containsExactlyInAnyOrder("total_users", "active_users",
                "inactive_users", "admins", "regular_users", "registered_today", "registered_this_week",
                "last_registration_at");
        assertThat(delta(before, after, "total_users")).isEqualTo(1);
        assertThat(delta(before, after, "inactive_users")).isEqualTo(1);
        assertThat(delta(before, after, "active_users")).isZero();
        assertThat(delta(before, after, "regular_users")).isEqualTo(1);
        assertThat(delta(before, after, "registered_today")).isEqualTo(1);
        assertThat(delta(before, after, "registered_this_week")).isEqualTo(1);
        assertThat(after.json().get("admins").asLong()).isPositive();
        assertThat(after.json().get("total_users").asLong()).isEqualTo(after.json().get("active_users").asLong()
                + after.json().get("inactive_users").asLong());
        assertThat(after.field("last_registration_at")).endsWith("Z");
    }

    private static long delta(Api.Response before, Api.Response after, String field) {
        return after.json().get(field).asLong() - before.json().get(field).asLong();
    }
}
