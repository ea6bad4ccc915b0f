package org.ordersystem.notification;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ordersystem.console.Chromium;
import org.ordersystem.console.ConsoleBrowser;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forgotten passwords, through a real SMTP server: the link e-mailed, used once, within its
 * time, ending every session; the same answer for addresses without an account; and the
 * console's pages over the same API.
 */
class PasswordResetTests {

    private static final String PUBLIC_URL = "https://orders.example.test";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL)
            + "/ui/password-reset/confirm\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "N3w-Passw0rd!";

    private static final TestSmtp smtp = new TestSmtp();
    private static MailApplication app;

    @BeforeAll
    static void start() {
        smtp.start();
        // the lock-out below comes from an address of its own, through this trusted proxy
        app = MailApplication.start(smtp, List.of("--PUBLIC_URL=" + PUBLIC_URL, "--TRUSTED_PROXIES=127.0.0.1/32"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        smtp.close();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
        Account user = app.newUser();
        Api.Response session = api().post("/api/auth/login")
                .json(Map.of("email", user.email(), "password", Accounts.PASSWORD)).send();
        String refreshToken = session.field("refresh_token");

        Api.Response asked = api().post("/api/auth/password-reset").json(Map.of("email", "  " + user.email().toUpperCase()
                + " ")).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        MimeMessage mail = mailsTo(user, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Reset your password");
        assertThat(mail.getMessageID()).matches("<password-reset-[0-9a-f-]{36}@test\\.local>");
        String token = tokenIn(MailApplication.part(mail, "text/plain"));
        assertThat(MailApplication.part(mail, "text/html")).contains("href=\"" + PUBLIC_URL + "/ui/password-reset/confirm?token="
                + token + "\"");
        assertThat(app.jdbc().queryForObject("select count(*) from event_publication where serialized_event like ?",
                Long.class, "%" + token + "%")).as("the outbox never holds the token").isZero();
        assertThat(app.jdbc().queryForObject("select count(*) from redefinicoes_senha where hash_token = ?",
                Long.class, token)).as("nor does the table").isZero();

        Api.Response weak = confirm(token, "weak");
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.field("error_code")).isEqualTo("WEAK_PASSWORD");

        Api.Response done = confirm(token, NEW_PASSWORD);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(api().get("/api/users/me").token(user.token()).send().status())
                .as("an access token of an earlier session").isEqualTo(401);
        assertThat(api().get("/api/users/me").token(session.field("access_token")).send().status()).isEqualTo(401);
        assertThat(api().post("/api/auth/refresh").json(Map.of("refresh_token", refreshToken)).send().status())
                .isEqualTo(401);
        assertThat(api().post("/api/auth/login").json(Map.of("email", user.email(), "password", Accounts.PASSWORD))
                .send().status()).as("the old password").isEqualTo(401);
        assertThat(app.api().post("/api/auth/login").json(Map.of("email", user.email(), "password", NEW_PASSWORD))
                .send().status()).isEqualTo(200);

        Api.Response again = confirm(token, "An0ther-Passw0rd!");
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(again.field("error_code")).isEqualTo("RESET_TOKEN_INVALID");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anAddressWithoutAnActiveAccountGetsTheSameAnswerAndNoMail() {
        String unknown = "nobody-" + System.nanoTime() + "@orders.test";
        Api.Response asked = api().post("/api/auth/password-reset").json(Map.of("email", unknown)).send();
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.text()).isEmpty();

        Account deactivated = app.newUser();
        assertThat(api().post("/api/users/" + deactivated.id() + "/deactivate").token(app.admin().token()).send().status())
                .isEqualTo(200);
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", deactivated.email())).send().status())
                .isEqualTo(202);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp.messagesTo(unknown).isEmpty() && smtp.messagesTo(deactivated.email()).isEmpty());
        Api.Response malformed = api().post("/api/auth/password-reset").json(Map.of("email", "not an address")).send();
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
    }

    @Test
    void tokensThatAreUnknownExpiredOrOfAnotherLinkAreRefusedAlike() throws Exception {
        Account user = app.newUser();
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", user.email())).send().status())
                .isEqualTo(202);
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", user.email())).send().status())
                .as("asked again within a minute").isEqualTo(202);
        String token = tokenIn(MailApplication.part(mailsTo(user, 1).get(0), "text/plain"));

        for (String bad : new String[] { "", "x".repeat(500), token + "x", token.substring(1) }) {
            Api.Response refused = confirm(bad, NEW_PASSWORD);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.field("error_code")).isEqualTo("RESET_TOKEN_INVALID");
        }
        app.jdbc().update("update redefinicoes_senha set expira_em = now() - interval '1 second' where usuario = ?",
                user.id());
        Api.Response expired = confirm(token, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.field("error_code")).isEqualTo("RESET_TOKEN_INVALID");
        assertThat(app.api().post("/api/auth/login").json(Map.of("email", user.email(), "password", Accounts.PASSWORD))
                .send().status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void usingOneLinkSpendsTheOthers() throws Exception {
        Account user = app.newUser();
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", user.email())).send().status())
                .isEqualTo(202);
        String first = tokenIn(MailApplication.part(mailsTo(user, 1).get(0), "text/plain"));
        // a minute later, as far as the rate of e-mails per address is concerned
        app.jdbc().update("update redefinicoes_senha set data_criacao = now() - interval '2 minutes' where usuario = ?",
                user.id());
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", user.email())).send().status())
                .isEqualTo(202);
        String second = tokenIn(MailApplication.part(mailsTo(user, 2).get(1), "text/plain"));
        assertThat(second).isNotEqualTo(first);

        assertThat(confirm(second, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(confirm(first, "An0ther-Passw0rd!").field("error_code")).isEqualTo("RESET_TOKEN_INVALID");
    }

    @Test
    void theResetLiftsTheLockOutOfTheAccount() throws Exception {
        Account user = app.newUser();
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        Api.Response attempt = null;
        for (int i = 0; i < 6; i++) {
            attempt = api().post("/api/auth/login").header("X-Forwarded-For", address)
                    .json(Map.of("email", user.email(), "password", "Wr0ng-guess!")).send();
        }
        assertThat(attempt.status()).as("locked out").isEqualTo(429);
        assertThat(api().post("/api/auth/password-reset").json(Map.of("email", user.email())).send().status())
                .isEqualTo(202);
        String token = tokenIn(MailApplication.part(mailsTo(user, 1).get(0), "text/plain"));

        assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(api().post("/api/auth/login").json(Map.of("email", user.email(), "password", NEW_PASSWORD)).send()
                .status()).isEqualTo(200);
    }

    @Test
    void theConsolePagesAskForTheLinkAndSetTheNewPassword() throws Exception {
        Account user = app.newUser();
        ConsoleBrowser browser = new ConsoleBrowser(app.port());
        assertThat(browser.get("/ui/sign-in").body()).contains("href=\"/ui/password-reset\"");

        browser.get("/ui/password-reset");
        HttpResponse<String> sent = browser.post("/ui/password-reset", Map.of("email", user.email()));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("an e-mail with a link to choose a new password is on its way");
        String link = linkIn(MailApplication.part(mailsTo(user, 1).get(0), "text/plain"));
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        HttpResponse<String> form = browser.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy")).as("the token goes to no other site").contains("no-referrer");
        HttpResponse<String> mismatch = browser.post("/ui/password-reset/confirm",
                Map.of("token", tokenIn(link), "password", NEW_PASSWORD, "repeated", NEW_PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("The two passwords differ.").doesNotContain(NEW_PASSWORD);
        HttpResponse<String> done = browser.post("/ui/password-reset/confirm",
                Map.of("token", tokenIn(link), "password", NEW_PASSWORD, "repeated", NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/ui/sign-in?password-reset");

        browser.signIn(user.email(), NEW_PASSWORD);
        ConsoleBrowser other = new ConsoleBrowser(app.port());
        other.get(path);
        HttpResponse<String> refused = other.post("/ui/password-reset/confirm",
                Map.of("token", tokenIn(link), "password", "An0ther-Passw0rd!", "repeated", "An0ther-Passw0rd!"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The password-reset link is not valid");
    }

    @Test
    void theForgottenPasswordPagesAreAccessible() {
        Account user = app.newUser();
        String base = "http://127.0.0.1:" + app.port();
        List<String> inaccessible = new ArrayList<>();
        WebDriver browser = Chromium.start();
        try {
            browser.get(base + "/ui/sign-in");
            browser.findElement(By.linkText("Forgotten your password?")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.urlToBe(base + "/ui/password-reset"));
            inaccessible.addAll(Chromium.violations(browser, "password-reset"));
            browser.findElement(By.id("email")).sendKeys(user.email());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".notice"), "is on its way"));
            inaccessible.addAll(Chromium.violations(browser, "password-reset-sent"));
            browser.get(linkIn(MailApplication.part(mailsTo(user, 1).get(0), "text/plain")).replace(PUBLIC_URL, base));
            inaccessible.addAll(Chromium.violations(browser, "password-reset-confirm"));
        }
        finally {
            browser.quit();
        }
        assertThat(inaccessible).as("WCAG 2.1 A/AA violations found by axe-core").isEmpty();
    }

    private static Api api() {
        return app.api();
    }

    private static Api.Response confirm(String token, String password) {
        return api().post("/api/auth/password-reset/confirm").json(Map.of("token", token, "new_password", password))
                .send();
    }

    private static List<MimeMessage> mailsTo(Account account, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.messagesTo(account.email()).size() >= count);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(account.email()).size() == count);
        return smtp.messagesTo(account.email());
    }

    private static String linkIn(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in %s", text).isTrue();
        return link.group();
    }

    private static String tokenIn(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in %s", text).isTrue();
        return link.group(1);
    }
}
