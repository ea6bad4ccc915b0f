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

/**
 * Refresh-token rotation, reuse detection, logout and the end of sessions on a password
 * change or deactivation: an ended session refuses its refresh tokens and every access
 * token issued in it, at once.
 */
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
        assertRevoked(stolen.field("access_token"));
        assertRevoked(rotated.field("access_token"));
        assertThat(refresh(otherSession.field("refresh_token")).status()).as("another login's family").isEqualTo(200);
        assertThat(me(otherSession.field("access_token")).status()).isEqualTo(200);
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

        assertRevoked(session.field("access_token"));
        assertThat(refresh(session.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(api.get("/api/users/me").token(otherSession.field("access_token")).send().status()).isEqualTo(200);
        assertThat(refresh(otherSession.field("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void logoutEndsEveryAccessTokenOfTheSessionNotOnlyThePresentedOne() {
        Accounts.Account user = accounts.newUser();
        Api.Response first = login(user.email());
        Api.Response rotated = refresh(first.field("refresh_token"));
        assertThat(me(first.field("access_token")).status()).as("still unexpired").isEqualTo(200);

        assertThat(api.post("/api/auth/logout").token(rotated.field("access_token")).send().status()).isEqualTo(204);

        assertRevoked(first.field("access_token"));
        assertRevoked(rotated.field("access_token"));
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
    void changingThePasswordEndsEveryOtherSessionOfTheUserButNotTheCallers() {
        Accounts.Account user = accounts.newUser();
        Api.Response mine = login(user.email());
        Api.Response other = login(user.email());
        Api.Response otherRotated = refresh(other.field("refresh_token"));

        Api.Response changed = api.post("/api/users/me/password").token(mine.field("access_token"))
                .json(Map.of("current_password", Accounts.PASSWORD, "new_password", "N3w-Passw0rd!")).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertRevoked(other.field("access_token"));
        assertRevoked(otherRotated.field("access_token"));
        assertThat(refresh(otherRotated.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(me(mine.field("access_token")).status()).as("the caller's own session").isEqualTo(200);
        assertThat(refresh(mine.field("refresh_token")).status()).isEqualTo(200);
        Api.Response fresh = api.post("/api/auth/login")
                .json(Map.of("email", user.email(), "password", "N3w-Passw0rd!")).send();
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(me(fresh.field("access_token")).status()).as("a session begun right after").isEqualTo(200);
    }

    @Test
    void deactivationEndsEverySessionSoThatReactivationDoesNotReviveThem() {
        Accounts.Account user = accounts.newUser();
        Api.Response session = login(user.email());
        String admin = accounts.admin().token();

        assertThat(api.post("/api/users/" + user.id() + "/deactivate").token(admin).send().status()).isEqualTo(200);
        assertThat(me(session.field("access_token")).field("error_code")).isEqualTo("ACCOUNT_DEACTIVATED");
        assertThat(api.post("/api/users/" + user.id() + "/activate").token(admin).send().status()).isEqualTo(200);

        assertRevoked(session.field("access_token"));
        assertThat(refresh(session.field("refresh_token")).field("error_code")).isEqualTo("TOKEN_INVALID");
        assertThat(me(login(user.email()).field("access_token")).status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordCountsTowardTheLoginGuard() {
        Accounts.Account user = accounts.newUser();
        Map<String, String> guess = Map.of("current_password", "Wr0ng-Guess!", "new_password", "N3w-Passw0rd!");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Api.Response wrong = api.post("/api/users/me/password").token(user.token()).json(guess).send();
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        }

        Api.Response locked = api.post("/api/users/me/password").token(user.token())
                .json(Map.of("current_password", Accounts.PASSWORD, "new_password", "N3w-Passw0rd!")).send();
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.field("error_code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(api.post("/api/auth/login").json(Map.of("email", user.email(), "password", Accounts.PASSWORD))
                .send().field("error_code")).as("the same guard as login").isEqualTo("TOO_MANY_ATTEMPTS");
    }

    private Api.Response me(String accessToken) {
        return api.get("/api/users/me").token(accessToken).send();
    }

    private void assertRevoked(String accessToken) {
        Api.Response refused = me(accessToken);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.field("error_code")).isEqualTo("TOKEN_INVALID");
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
