package org.ordersystem.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SMTP server that is down or hangs never fails or slows the API, and the e-mails go out once it is back. */
class MailOutageTests {

    /** Below the 5 s SMTP read timeout that a call waiting for the hanging server would take at least. */
    private static final Duration NORMAL_SPEED = Duration.ofSeconds(3);

    private static final TestSmtp smtp = new TestSmtp();
    private static MailApplication app;

    @BeforeAll
    static void start() {
        smtp.start();
        app = MailApplication.start(smtp, MailApplication.FAST_RETRIES);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        smtp.close();
    }

    @Test
    void withTheMailServerDownTheApiAnswersAtNormalSpeedAndTheEmailsArriveOnceItIsBack() throws Exception {
        Account alice = app.newUser();
        double failedBefore = app.metric("orders_emails_failed_total");
        long id;
        smtp.stop();
        try {
            long started = System.nanoTime();
            id = app.placeOrder(alice, List.of(Map.of("name", "Kettle", "quantity", 1, "unit_price", 30)));
            Api.Response confirmed = app.changeStatus(alice, id, "CONFIRMED", null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(took).isLessThan(NORMAL_SPEED.multipliedBy(2));
            // both e-mails wait in the outbox while being retried, with backoff
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(app.publicationsOf(id))
                    .hasSize(2).allSatisfy(publication -> {
                        assertThat(publication.get("completed")).isEqualTo(false);
                        assertThat((Integer) publication.get("completion_attempts")).isGreaterThanOrEqualTo(3);
                    }));
            assertThat(app.metric("orders_emails_failed_total")).isGreaterThanOrEqualTo(failedBefore + 4);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(app.metric("orders_emails_pending")).isGreaterThanOrEqualTo(2));
            Api.Response health = app.api().get("/health").send();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().at("/components/mail/status").asString()).isEqualTo("DOWN");
            assertThat(app.api().get("/health/readiness").send().status()).isEqualTo(200);
            assertThat(app.api().get("/health/liveness").send().status()).isEqualTo(200);
            assertThat(smtp.messagesTo(alice.email())).isEmpty();
        }
        finally {
            smtp.start();
        }

        List<MimeMessage> mails = onlyMailTo(alice, 2);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Order #" + id + " received",
                "Order #" + id + " confirmed");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.publicationsOf(id).stream()
                .allMatch(publication -> Boolean.TRUE.equals(publication.get("completed"))));
        assertThat(app.health().at("/components/mail/status").asString()).isEqualTo("UP");
    }

    @Test
    void aMailServerThatNeverAnswersDoesNotSlowTheApi() throws Exception {
        Account bob = app.newUser();
        long id;
        smtp.hang();
        try {
            long started = System.nanoTime();
            id = app.placeOrder(bob, List.of(Map.of("name", "Rug", "quantity", 2, "unit_price", 40)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NORMAL_SPEED);

            // the attempt waits for the server's greeting until the read timeout, then fails
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(app.publicationsOf(id))
                    .singleElement().satisfies(publication -> assertThat(publication.get("status")).isEqualTo("FAILED")));
            started = System.nanoTime();
            Api.Response listed = app.api().get("/api/orders").token(bob.token()).send();
            assertThat(listed.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NORMAL_SPEED);
            assertThat(smtp.messagesTo(bob.email())).isEmpty();
        }
        finally {
            smtp.unhang();
            smtp.start();
        }

        MimeMessage mail = onlyMailTo(bob, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Order #" + id + " received");
        assertThat(MailApplication.part(mail, "text/plain")).contains("2 x Rug at USD 40.00 = USD 80.00");
    }

    private static List<MimeMessage> onlyMailTo(Account account, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesTo(account.email()).size() >= count);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(account.email()).size() == count);
        return smtp.messagesTo(account.email());
    }
}
