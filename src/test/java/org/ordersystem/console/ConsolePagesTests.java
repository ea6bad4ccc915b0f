package org.ordersystem.console;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a browser without JavaScript uses it: sign-in through the API's rules, the
 * session cookie, CSRF on every form, one order per form, the order pages, admin pages for
 * administrators only, another user's order a 404 page, and the security headers.
 */
@IntegrationTest
class ConsolePagesTests {

    private static final Pattern ORDER_LOCATION = Pattern.compile("/ui/orders/(\\d+)$");

    private final int port;
    private final Api api;
    private final Accounts accounts;

    @Autowired
    JdbcClient database;

    ConsolePagesTests(@LocalServerPort int port) {
        this.port = port;
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void theRootIsTheConsoleAndItsPagesNeedASignIn() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        assertThat(location(browser.get("/"))).endsWith("/ui");
        assertThat(location(browser.get("/ui"))).endsWith("/ui/orders");
        assertThat(location(browser.get("/ui/orders"))).endsWith("/ui/sign-in");
        assertThat(location(browser.get("/ui/admin/users"))).endsWith("/ui/sign-in");
        HttpResponse<String> signIn = browser.get("/ui/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("<label for=\"email\">E-mail</label>", "name=\"_csrf\"");
    }

    @Test
    void registrationFieldsAreCheckedAsTheyAreLeftAndNothingIsSaved() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.get("/ui/register");
        String email = "inline-" + UUID.randomUUID() + "@orders.test";

        HttpResponse<String> checked = browser.post("/ui/register/check",
                Map.of("name", "Ines", "email", "not an address", "password", "weak"));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(fieldError(checked, "email")).isNotEmpty();
        assertThat(fieldError(checked, "password")).startsWith("The password");
        assertThat(fieldError(checked, "name")).isEmpty();

        HttpResponse<String> fine = browser.post("/ui/register/check",
                Map.of("name", "Ines", "email", email, "password", Accounts.PASSWORD));
        assertThat(fieldError(fine, "email")).isEmpty();
        assertThat(fieldError(fine, "password")).isEmpty();
        assertThat(api.get("/api/users?q=" + email).token(accounts.admin().token()).send().json()
                .at("/page/total_elements").asLong()).as("checking registers nobody").isZero();
        assertThat(browser.postRaw("/ui/register/check", Map.of("email", email)).statusCode())
                .as("without the form's CSRF token").isEqualTo(403);
    }

    /** The text of a field's message on a form page, empty when there is none. */
    private static String fieldError(HttpResponse<String> page, String field) {
        Matcher message = Pattern.compile("id=\"" + field + "-error\"[^>]*>(?:<span>([^<]*)</span>)?</p>")
                .matcher(page.body());
        assertThat(message.find()).as("the %s field's message element", field).isTrue();
        return message.group(1) == null ? "" : message.group(1);
    }

    @Test
    void signingInOpensASessionWithASafeCookieAndANewId() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.get("/ui/sign-in");
        String before = sessionId(browser);
        HttpResponse<String> signedIn = browser.post("/ui/sign-in", Map.of("email", user.email(), "password",
                Accounts.PASSWORD));

        assertThat(location(signedIn)).endsWith("/ui/orders");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(sessionId(browser)).isNotEqualTo(before);
        HttpResponse<String> orders = browser.open("/ui/orders");
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("My orders", "Test User").doesNotContain("eyJ").doesNotContain("Users</a>");
    }

    @Test
    void aWrongPasswordOrADeactivatedAccountIsRefusedWithTheReason() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.get("/ui/sign-in");
        HttpResponse<String> refused = browser.post("/ui/sign-in", Map.of("email", user.email(), "password", "Wrong-1x"));
        assertThat(location(refused)).endsWith("/ui/sign-in?error=INVALID_CREDENTIALS");
        assertThat(browser.open(location(refused)).body()).contains("Wrong e-mail or password.");
        assertThat(browser.get("/ui/orders").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        HttpResponse<String> refused = browser.postRaw("/ui/orders", Map.of("key", "k1", "lines[0].name", "Lamp",
                "lines[0].quantity", "1", "lines[0].unitPrice", "5"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This form has expired");
        assertThat(api.get("/api/orders").token(user.token()).send().json().get("page").get("total_elements").asLong())
                .isZero();
        HttpResponse<String> signIn = new ConsoleBrowser(port).postRaw("/ui/sign-in",
                Map.of("email", user.email(), "password", Accounts.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPlacesOneOrderHoweverOftenItIsSentAndTheOrderPageShowsIt() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        HttpResponse<String> form = browser.get("/ui/orders/new");
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(key.find()).isTrue();
        Map<String, String> fields = new HashMap<>(Map.of("key", key.group(1), "lines[0].name", "Desk lamp",
                "lines[0].sku", "LMP-1", "lines[0].quantity", "2", "lines[0].unitPrice", "12.50", "lines[1].name",
                "Bulb", "lines[1].quantity", "3", "lines[1].unitPrice", "1.10", "notes", "Leave at the door"));
        fields.put("lines[2].name", "");

        HttpResponse<String> first = browser.post("/ui/orders", fields);
        HttpResponse<String> second = browser.post("/ui/orders", fields);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(location(second)).isEqualTo(location(first));
        long id = orderId(first);
        assertThat(api.get("/api/orders").token(user.token()).send().json().get("page").get("total_elements").asLong())
                .isEqualTo(1);
        String page = browser.open("/ui/orders/" + id).body();
        assertThat(page).contains("Desk lamp", "LMP-1", "Bulb", "USD 28.30", "Leave at the door", "Mark confirmed",
                "Cancel order", "Placed");
    }

    @Test
    void anIncompleteLineIsShownBackWithoutPlacingAnything() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        browser.get("/ui/orders/new");
        HttpResponse<String> shown = browser.post("/ui/orders", Map.of("key", "k-incomplete", "lines[0].name", "Lamp",
                "lines[0].quantity", "0", "lines[0].unitPrice", "abc"));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Some lines need attention");
        assertThat(api.get("/api/orders").token(user.token()).send().json().get("page").get("total_elements").asLong())
                .isZero();
    }

    @Test
    void statusChangesFollowTheLifecycleAndAStalePageIsToldNotOverwritten() {
        Account user = accounts.newUser();
        long id = placeThroughApi(user);
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        browser.get("/ui/orders/" + id);

        // the page shows version 0; the order changes meanwhile through the API
        assertThat(api.patch("/api/orders/" + id).token(user.token()).json(Map.of("notes", "changed elsewhere"))
                .send().status()).isEqualTo(200);
        HttpResponse<String> stale = browser.post("/ui/orders/" + id + "/status", Map.of("version", "0", "status",
                "CONFIRMED"));
        assertThat(browser.open(location(stale)).body()).contains("Someone changed this order").contains("PENDING");

        browser.get("/ui/orders/" + id);
        HttpResponse<String> confirmed = browser.post("/ui/orders/" + id + "/status", Map.of("version", "1", "status",
                "CONFIRMED", "reason", "paid"));
        String page = browser.open(location(confirmed)).body();
        assertThat(page).contains("Order confirmed.", "CONFIRMED", "PENDING → CONFIRMED", "paid")
                .doesNotContain("Mark shipped");
    }

    @Test
    void anotherUsersOrderIsANotFoundPageAndAdminPagesAreForAdministrators() {
        Account owner = accounts.newUser();
        long id = placeThroughApi(owner);
        Account other = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(other.email(), Accounts.PASSWORD);

        HttpResponse<String> notFound = browser.get("/ui/orders/" + id);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Not found").doesNotContain("Test User");
        assertThat(browser.get("/ui/orders/999999999").statusCode()).isEqualTo(404);
        browser.get("/ui/orders");
        assertThat(browser.post("/ui/orders/" + id + "/status", Map.of("version", "0", "status", "CANCELLED"))
                .statusCode()).isEqualTo(404);
        assertThat(browser.get("/ui/admin/users").statusCode()).isEqualTo(403);
        assertThat(browser.post("/ui/admin/users/" + other.id() + "/promote", Map.of()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/orders/" + id).token(owner.token()).send().json().get("status").asString())
                .isEqualTo("PENDING");

        ConsoleBrowser admin = new ConsoleBrowser(port).signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
        assertThat(admin.get("/ui/orders/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> users = admin.get("/ui/admin/users?q=" + other.email());
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains(other.email());
    }

    @Test
    void administratorsSeeStatisticsPerStatusAndPerDay() {
        Account user = accounts.newUser();
        placeThroughApi(user);
        ConsoleBrowser admin = new ConsoleBrowser(port).signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        HttpResponse<String> page = admin.get("/ui/admin/statistics?from=" + today + "&to=" + today);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Orders by status", "PENDING", "<td>" + today + "</td>",
                "data-labels=\"" + today + "\"", "chart.umd.min.js");
        assertThat(admin.get("/ui/admin/statistics?from=" + today + "&to=2000-01-01").body())
                .contains("must not be after to");
        assertThat(admin.get("/ui/admin/statistics?from=2000-01-01&to=" + today).body()).contains("at most 366 days");
        assertThat(admin.get("/ui/admin/statistics?from=yesterday").statusCode()).isEqualTo(400);
        ConsoleBrowser regular = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        assertThat(regular.get("/ui/admin/statistics").statusCode()).isEqualTo(403);
    }

    @Test
    void administratorsManageWebhooksAndSeeTheirDeliveries() {
        ConsoleBrowser admin = new ConsoleBrowser(port).signIn(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD);
        admin.get("/ui/admin/webhooks");
        assertThat(admin.post("/ui/admin/webhooks", Map.of("url", "ftp://example.com/x", "events", "order.placed"))
                .statusCode()).isEqualTo(302);
        assertThat(admin.open("/ui/admin/webhooks").body()).contains("class=\"error\"");

        String url = "http://127.0.0.1:9/hooks/" + UUID.randomUUID();
        HttpResponse<String> created = admin.post("/ui/admin/webhooks", Map.of("url", url, "events",
                "order.placed", "description", "Fulfilment"));
        String endpoint = location(created);
        assertThat(endpoint).matches(".*/ui/admin/webhooks/\\d+$");
        String first = admin.open(endpoint).body();
        assertThat(first).contains("whsec_", url, "Fulfilment", "Copy its secret now");
        assertThat(admin.get(endpoint).body()).doesNotContain("whsec_");
        assertThat(admin.open("/ui/admin/webhooks").body()).contains(url);

        admin.get(endpoint);
        assertThat(admin.open(location(admin.post(endpoint.replaceFirst("^http://[^/]+", "") + "/test", Map.of())))
                .body()).contains("A webhook.test event is on its way.");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> admin.get(endpoint).body().contains("webhook.test"));
        assertThat(admin.open(location(admin.post(endpoint.replaceFirst("^http://[^/]+", "") + "/rotate-secret",
                Map.of()))).body()).contains("whsec_", "keeps signing for 24 hours");

        Account user = accounts.newUser();
        ConsoleBrowser regular = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        assertThat(regular.get("/ui/admin/webhooks").statusCode()).isEqualTo(403);
        assertThat(regular.get(endpoint).statusCode()).isEqualTo(403);
        assertThat(admin.get("/ui/admin/webhooks/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aDeactivationOrASignOutEndsTheSession() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        ConsoleBrowser second = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        browser.get("/ui/orders");
        assertThat(location(browser.post("/ui/sign-out", Map.of()))).endsWith("/ui/sign-in?signed-out");
        assertThat(location(browser.get("/ui/orders"))).endsWith("/ui/sign-in");
        assertThat(second.get("/ui/orders").statusCode()).isEqualTo(200);

        Account admin = accounts.admin();
        assertThat(api.post("/api/users/" + user.id() + "/deactivate").token(admin.token()).send().status())
                .isEqualTo(200);
        assertThat(location(second.get("/ui/orders"))).endsWith("/ui/sign-in?ended");
        assertThat(location(second.get("/ui/orders"))).endsWith("/ui/sign-in");
    }

    @Test
    void theProfileChangesNameAndEMailAndAPasswordChangeEndsEveryOtherSession() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        ConsoleBrowser other = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        browser.get("/ui/profile");
        String email = "renamed-" + user.email();
        HttpResponse<String> saved = browser.post("/ui/profile", Map.of("name", "Renamed User", "email", email));
        assertThat(browser.open(location(saved)).body()).contains("Profile saved.", "Renamed User", email);

        HttpResponse<String> wrong = browser.post("/ui/profile/password", Map.of("currentPassword", "Wrong-Passw0rd",
                "newPassword", "N3w-Passw0rd!"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("class=\"error\"");
        HttpResponse<String> changed = browser.post("/ui/profile/password", Map.of("currentPassword",
                Accounts.PASSWORD, "newPassword", "N3w-Passw0rd!"));
        assertThat(browser.open(location(changed)).body()).contains("Password changed");

        assertThat(browser.get("/ui/orders").statusCode()).isEqualTo(200);
        assertThat(location(other.get("/ui/orders"))).endsWith("/ui/sign-in?ended");
        assertThat(api.get("/api/users/me").token(user.token()).send().status()).isEqualTo(401);
        new ConsoleBrowser(port).signIn(email, "N3w-Passw0rd!");
    }

    /**
     * A console session in use for longer than an access token lives (its only token row is as
     * old as its sign-in, aged here in the table) still ends with a password change elsewhere.
     */
    @Test
    void aPasswordChangeEndsAConsoleSessionOpenedLongBefore() {
        Account user = accounts.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
        database.sql("update tokens_atualizacao set data_criacao = data_criacao - interval '1 day' where usuario = ?")
                .param(user.id()).update();
        assertThat(browser.get("/ui/orders").statusCode()).isEqualTo(200);

        assertThat(api.post("/api/users/me/password").token(user.token())
                .json(Map.of("current_password", Accounts.PASSWORD, "new_password", "N3w-Passw0rd!")).send().status())
                .isEqualTo(204);

        assertThat(location(browser.get("/ui/orders"))).endsWith("/ui/sign-in?ended");
    }

    @Test
    void pagesAllowScriptsFromThisOriginOnlyAndNoFraming() {
        HttpResponse<String> page = new ConsoleBrowser(port).get("/ui/sign-in");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain(" onclick=");
    }

    @Test
    void theListFiltersSearchesAndExports() {
        Account user = accounts.newUser();
        long lamp = placeThroughApi(user);
        assertThat(api.post("/api/orders").token(user.token()).json(Map.of("items", List.of(Map.of("name",
                "Garden chair", "quantity", 1, "unit_price", 40)))).send().status()).isEqualTo(201);
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);

        String found = browser.get("/ui/orders?q=lamp").body();
        assertThat(found).contains("#" + lamp).contains("1 orders").doesNotContain("USD 40.00");
        assertThat(browser.get("/ui/orders?min=30").body()).contains("USD 40.00").doesNotContain("#" + lamp + "<");
        HttpResponse<String> bad = browser.get("/ui/orders?q=a%26b");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("must be plain words");
        HttpResponse<String> export = browser.get("/ui/orders/export?q=lamp");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.body()).startsWith("id,user_id,status").contains(String.valueOf(lamp))
                .doesNotContain("40.00");
    }

    private long placeThroughApi(Account user) {
        Api.Response placed = api.post("/api/orders").token(user.token()).json(Map.of("items", List.of(Map.of("name",
                "Desk lamp", "quantity", 1, "unit_price", 10)))).send();
        assertThat(placed.status()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    private static long orderId(HttpResponse<String> redirect) {
        Matcher matcher = ORDER_LOCATION.matcher(location(redirect));
        assertThat(matcher.find()).as(location(redirect)).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.statusCode() + " " + response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String sessionId(ConsoleBrowser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
