package org.ordersystem.support;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs users in through the public API, the way a client does. */
public final class Accounts {

    public static final String ADMIN_EMAIL = "admin@orders.test";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd!";
    public static final String PASSWORD = "Str0ng-Passw0rd!";

    private final Api api;

    public Accounts(Api api) {
        this.api = api;
    }

    /** A signed-in user. */
    public record Account(long id, String email, String token) {
    }

    /** Registers a fresh user with a unique email and signs them in. */
    public Account newUser() {
        String email = "user-" + UUID.randomUUID() + "@orders.test";
        Api.Response registered = api.post("/api/auth/register")
                .json(Map.of("email", email, "password", PASSWORD, "name", "Test User")).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Account(registered.json().get("id").asLong(), email, login(email, PASSWORD));
    }

    public Account admin() {
        String token = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response me = api.get("/api/users/me").token(token).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return new Account(me.json().get("id").asLong(), ADMIN_EMAIL, token);
    }

    public String login(String email, String password) {
        Api.Response tokens = api.post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.field("access_token");
    }
}
