package org.ordersystem.auth.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.auth.HostileTokens;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.TestServicesExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token rotation, reuse detection, logout and the end of sessions on a password change. */
@IntegrationTest
class SessionApiTests {

    private final Api api;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    SessionApiTests(@LocalServerPort int port, @Autowired JdbcClient jdbc) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.jdbc = jdbc;
    }

    @Test
    void refreshSpendsTheTokenAndIssuesANewPair() {
        Accounts.Account user = accounts.newUser();
        Api.Response first = login(user.email());
        Api.Response second = refresh(first.field("refresh_token"));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.field("token_type")).isEqualTo("Bearer");
        assertThat(second.json().get("expires_in").asLong()).isEqualTo(1800);
        assertThat(second.field("refresh_token")).isNotEqualTo(first.field("refresh_token"));
        assertThat(api.get("/api/users/me").token(second.field("access_token")).send().status()).isEqualTo(200);
        assertThat(refresh(second.field("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesItsWholeFamily() {
        Accounts.Account user = accounts.newUser();
        Api.Response stolen = login(user.email());
        Api.Response otherSession = login(user.email());
        Api.Response rotated = refresh(stolen.field("refresh_token"));

        Api.Response replay = refresh(stolen.field("refresh_token"));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.field("error_code")).isEqualTo("TOKEN_REUSED");

        Api.Response successor = refresh(rotated.field("refresh_token"));
        assertThat(successor.status()).isEqualTo(401);
        assertThat(successor.field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(otherSession.field("refresh_token")).status()).as("another login's family").isEqualTo(200);
    }

    @Test
    void keepsRefreshTokensOnlyAsHashes() {
        Accounts.Account user = accounts.newUser();
        String refreshToken = login(user.email()).field("refresh_token");

        long clear = jdbc.sql("select count(*) from tokens_atualizacao where hash_token = :token or id::text = :token")
                .param("token", refreshToken).query(Long.class).single();
        long hashed = jdbc.sql("select count(*) from tokens_atualizacao where usuario = :user and hash_token = "
                + "encode(sha256(convert_to(:token, 'UTF8')), 'hex')").param("user", user.id())
                .param("token", refreshToken).query(Long.class).single();
        assertThat(clear).isZero();
        assertThat(hashed).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotAGoodRefreshToken() {
        Accounts.Account user = accounts.newUser();
        HostileTokens attacker = new HostileTokens(TestServicesExtension.TEST_SECRET_KEY);
        Map<String, Object> expired = HostileTokens.accessClaims(user.id(), Instant.now().minusSeconds(60));
        expired.put("typ", "refresh");
        Map<String, Object> neverIssued = HostileTokens.accessClaims(user.id(), Instant.now().plusSeconds(600));
        neverIssued.put("typ", "refresh");
        neverIssued.put("jti", UUID.randomUUID().toString());

        assertThat(refresh(user.token()).field("error_code")).as("an access token").isEqualTo("TOKEN_INVALID");
        assertThat(refresh("garbage").field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(attacker.hs256(expired)).field("error_code")).isEqualTo("TOKEN_EXPIRED");
        assertThat(refresh(attacker.hs256(neverIssued)).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(api.post("/api/auth/refresh").json(Map.of()).send().field("error_code"))
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void refusesToRefreshForADeactivatedUser() {
        Accounts.Account user = accounts.newUser();
        String refreshToken = login(user.email()).field("refresh_token");
        api.post("/api/users/" + user.id() + "/deactivate").token(accounts.admin().token()).send();

        Api.Response refused = refresh(refreshToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("error_code")).isEqualTo("ACCOUNT_DEACTIVATED");
    }

    @Test
    void logoutEndsThePresentedAccessTokenAtOnceAndItsSession() {
        Accounts.Account user = accounts.newUser();
        Api.Response session = login(user.email());
        Api.Response otherSession = login(user.email());

        Api.Response logout = api.post("/api/auth/logout").token(session.field("access_token")).send();
        assertThat(logout.status()).isEqualTo(204);

        Api.Response after = api.get("/api/users/me").token(session.field("access_token")).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(session.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(api.get("/api/users/me").token(otherSession.field("access_token")).send().status()).isEqualTo(200);
        assertThat(refresh(otherSession.field("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void logoutAlsoRevokesTheRefreshTokenItIsGiven() {
        Accounts.Account user = accounts.newUser();
        Api.Response web = login(user.email());
        Api.Response mobile = login(user.email());

        assertThat(api.post("/api/auth/logout").token(web.field("access_token"))
                .json(Map.of("refresh_token", mobile.field("refresh_token"))).send().status()).isEqualTo(204);
        assertThat(refresh(mobile.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void changingThePasswordRevokesEveryRefreshTokenOfTheUser() {
        Accounts.Account user = accounts.newUser();
        Api.Response one = login(user.email());
        Api.Response two = login(user.email());

        Api.Response changed = api.post("/api/users/me/password").token(one.field("access_token"))
                .json(Map.of("current_password", Accounts.PASSWORD, "new_password", "N3w-Passw0rd!")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(refresh(one.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(two.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(api.post("/api/auth/login").json(Map.of("email", user.email(), "password", "N3w-Passw0rd!")).send()
                .status()).isEqualTo(200);
    }

    private Api.Response login(String email) {
        Api.Response response = api.post("/api/auth/login")
                .json(Map.of("email", email, "password", Accounts.PASSWORD)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/auth/refresh").json(Map.of("refresh_token", refreshToken)).send();
    }
}
