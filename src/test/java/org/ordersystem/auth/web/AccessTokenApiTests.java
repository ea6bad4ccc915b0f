package org.ordersystem.auth.web;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ordersystem.auth.HostileTokens;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.TestServicesExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a request can present a token it should not be served with: 401 with the contract's code, never 500. */
@IntegrationTest
class AccessTokenApiTests {

    private final Api api;
    private final Accounts accounts;
    private final HostileTokens attacker = new HostileTokens(TestServicesExtension.TEST_SECRET_KEY);

    AccessTokenApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void acceptsAGenuineTokenAndAHandBuiltOneWithNothingWrong() {
        Accounts.Account user = accounts.newUser();

        assertThat(me(user.token()).status()).isEqualTo(200);
        assertThat(me(attacker.hs256(claims(user.id()))).status()).as("the test key is the server's key").isEqualTo(200);
    }

    @Test
    void withoutATokenAnswersUnauthenticatedAsProblemJson() {
        Api.Response none = api.get("/api/users/me").send();
        Api.Response basic = api.get("/api/users/me").header("Authorization", "Basic YWRtaW46YWRtaW4=").send();

        for (Api.Response response : new Api.Response[] { none, basic }) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.field("error_code")).isEqualTo("UNAUTHENTICATED");
            assertThat(response.field("instance")).isEqualTo("/api/users/me");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void neverTakesATokenFromTheQueryString() {
        Accounts.Account user = accounts.newUser();

        for (String parameter : new String[] { "access_token", "token" }) {
            Api.Response response = api.get("/api/users/me?" + parameter + "=" + user.token()).send();
            assertThat(response.status()).as("a credential in the query is refused").isEqualTo(400);
            assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
        }
        Api.Response response = api.get("/api/users/me?jwt=" + user.token()).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("error_code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesForgedAndMisusedTokensWithTheRightCode() {
        Accounts.Account user = accounts.newUser();
        Map<String, Object> noExpiry = claims(user.id());
        noExpiry.remove("exp");
        Map<String, Object> promoted = claims(user.id());
        promoted.put("is_admin", true);
        Map<String, Object> kid = HostileTokens.header("HS256");
        kid.put("kid", "../../../../../../dev/null");
        String refreshToken = api.post("/api/auth/login")
                .json(Map.of("email", user.email(), "password", Accounts.PASSWORD)).send().field("refresh_token");

        Map<String, String> expectations = Map.of(
                HostileTokens.unsigned(claims(user.id())), "TOKEN_INVALID",
                attacker.sign(HostileTokens.header("HS512"), claims(user.id()), "HmacSHA512"), "TOKEN_INVALID",
                new HostileTokens("some-other-secret-key-of-a-reasonable-length!!").hs256(claims(user.id())), "TOKEN_INVALID",
                HostileTokens.withPayload(user.token(), promoted), "TOKEN_INVALID",
                attacker.sign(kid, claims(user.id()), "HmacSHA256"), "TOKEN_INVALID",
                refreshToken, "TOKEN_INVALID",
                attacker.hs256(HostileTokens.accessClaims(user.id(), Instant.now().minusSeconds(5))), "TOKEN_EXPIRED",
                attacker.hs256(noExpiry), "UNAUTHENTICATED",
                "not.a.jwt", "TOKEN_INVALID");
        expectations.forEach((token, code) -> {
            Api.Response response = me(token);
            assertThat(response.status()).as(code + " for " + token).isEqualTo(401);
            assertThat(response.field("error_code")).as(token).isEqualTo(code);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(me(user.token()).status()).isEqualTo(200);
    }

    @Test
    void refusesATokenOfAUserThatDoesNotExist() {
        Api.Response response = me(attacker.hs256(claims(Long.MAX_VALUE)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("error_code")).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void leavesHealthAndMetricsAloneWhenTheirCallerSendsAnotherKindOfBearerToken() {
        assertThat(api.get("/health").header("Authorization", "Bearer metrics-scraper-token").send().status())
                .isEqualTo(200);
        assertThat(api.get("/metrics").header("Authorization", "Bearer metrics-scraper-token").send().status())
                .isEqualTo(200);
    }

    private Api.Response me(String token) {
        return api.get("/api/users/me").token(token).send();
    }

    private static Map<String, Object> claims(long userId) {
        return HostileTokens.accessClaims(userId, Instant.now().plusSeconds(600));
    }
}
