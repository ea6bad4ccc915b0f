package org.ordersystem.auth.web;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.auth.HostileTokens;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginApiTests {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Api api;
    private final Accounts accounts;

    LoginApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void answersTheContractsTokensWithTheContractsClaims() {
        Accounts.Account user = accounts.newUser();
        Api.Response login = login(user.email().toUpperCase(), Accounts.PASSWORD);

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.field("token_type")).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asLong()).isEqualTo(30 * 60);
        assertThat(login.field("refresh_token")).isNotBlank().isNotEqualTo(login.field("access_token"));
        String claims = HostileTokens.payload(login.field("access_token"));
        assertThat(claims).contains("\"sub\":\"" + user.id() + "\"", "\"email\":\"" + user.email() + "\"",
                "\"name\":\"Test User\"", "\"is_admin\":false", "\"typ\":\"access\"", "\"iat\":", "\"exp\":", "\"jti\":");
        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(api.get("/api/users/me").token(user.token()).send().field("last_login_at")).isNotNull();
    }

    @Test
    void answersAnUnknownEmailExactlyLikeAWrongPassword() {
        Accounts.Account user = accounts.newUser();
        Api.Response wrongPassword = login(user.email(), "Wr0ng-Passw0rd!");
        Api.Response unknownEmail = login("nobody-" + UUID.randomUUID() + "@orders.test", "Wr0ng-Passw0rd!");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.field("error_code")).isEqualTo("INVALID_CREDENTIALS");
        for (String member : new String[] { "type", "title", "status", "detail", "instance", "error_code" }) {
            assertThat(unknownEmail.field(member)).as(member).isEqualTo(wrongPassword.field(member));
        }
        assertThat(unknownEmail.json().propertyNames()).isEqualTo(wrongPassword.json().propertyNames());
    }

    @Test
    void refusesADeactivatedAccountOnlyOnceThePasswordIsRight() {
        Accounts.Account user = accounts.newUser();
        Accounts.Account admin = accounts.admin();
        assertThat(api.post("/api/users/" + user.id() + "/deactivate").token(admin.token()).send().status())
                .isEqualTo(200);

        assertThat(login(user.email(), "Wr0ng-Passw0rd!").field("error_code")).isEqualTo("INVALID_CREDENTIALS");
        Api.Response refused = login(user.email(), Accounts.PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("error_code")).isEqualTo("ACCOUNT_DEACTIVATED");
    }

    @Test
    void issuesTokensThroughTheOauth2PasswordForm() {
        Accounts.Account user = accounts.newUser();
        Api.Response tokens = api.post("/api/auth/token").raw("grant_type=password&username="
                + user.email().replace("@", "%40") + "&password=Str0ng-Passw0rd%21&scope=&client_id=swagger", FORM).send();

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.field("token_type")).isEqualTo("Bearer");
        assertThat(api.get("/api/users/me").token(tokens.field("access_token")).send().status()).isEqualTo(200);

        Api.Response refreshed = api.post("/api/auth/token")
                .raw("grant_type=refresh_token&refresh_token=" + tokens.field("refresh_token"), FORM).send();
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.field("refresh_token")).isNotEqualTo(tokens.field("refresh_token"));
    }

    @Test
    void refusesAnUnsupportedOrIncompleteTokenRequest() {
        Api.Response clientCredentials = api.post("/api/auth/token").raw("grant_type=client_credentials", FORM).send();
        Api.Response noGrant = api.post("/api/auth/token").raw("username=a%40b.co&password=x", FORM).send();
        Api.Response noPassword = api.post("/api/auth/token").raw("grant_type=password&username=a%40b.co", FORM).send();
        Api.Response wrongPassword = api.post("/api/auth/token")
                .raw("grant_type=password&username=nobody%40orders.test&password=Wr0ng-Passw0rd%21", FORM).send();

        assertThat(clientCredentials.status()).isEqualTo(400);
        assertThat(clientCredentials.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(clientCredentials.json().at("/errors/0/field").asString()).isEqualTo("grant_type");
        assertThat(noGrant.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(noPassword.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.field("error_code")).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void refusesAMalformedLoginBody() {
        Api.Response missingPassword = api.post("/api/auth/login").json(Map.of("email", "a@b.co")).send();
        Api.Response extraField = api.post("/api/auth/login")
                .json(Map.of("email", "a@b.co", "password", "x", "remember_me", true)).send();

        assertThat(missingPassword.status()).isEqualTo(400);
        assertThat(missingPassword.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(extraField.field("error_code")).isEqualTo("VALIDATION_FAILED");
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
    }
}
