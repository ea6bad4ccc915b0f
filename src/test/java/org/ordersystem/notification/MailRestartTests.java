package org.ordersystem.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts.Account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** E-mails still in the outbox when the application stops are sent after it starts again. */
class MailRestartTests {

    private final TestSmtp smtp = new TestSmtp();

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    @Test
    void emailsPendingWhenTheApplicationStopsAreDeliveredAfterItStartsAgain() throws Exception {
        Account alice;
        long failed;
        long lostWhileSending;
        long lostWhileRetried;
        // SMTP is down during the whole life of the first instance, which retries only at start-up
        try (MailApplication first = MailApplication.start(smtp, MailApplication.NO_PERIODIC_RETRIES)) {
            alice = first.newUser();
            failed = first.placeOrder(alice, List.of(Map.of("name", "First", "quantity", 1, "unit_price", 1)));
            lostWhileSending = first.placeOrder(alice, List.of(Map.of("name", "Second", "quantity", 1, "unit_price", 2)));
            lostWhileRetried = first.placeOrder(alice, List.of(Map.of("name", "Third", "quantity", 1, "unit_price", 3)));
            for (long id : List.of(failed, lostWhileSending, lostWhileRetried)) {
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(first.publicationsOf(id))
                        .singleElement().satisfies(p -> assertThat(p.get("status")).isEqualTo("FAILED")));
            }
            // as if an instance had died in the middle of these two attempts an hour ago
            first.jdbc().update("""
                    update event_publication set status = ?, last_resubmission_date = now() - interval '1 hour'
                    where (serialized_event::jsonb ->> 'order_id')::bigint = ?""", "PROCESSING", lostWhileSending);
            first.jdbc().update("""
                    update event_publication set status = ?, last_resubmission_date = now() - interval '1 hour'
                    where (serialized_event::jsonb ->> 'order_id')::bigint = ?""", "RESUBMITTED", lostWhileRetried);
        }
        smtp.start();

        List<String> settings = new ArrayList<>(MailApplication.NO_PERIODIC_RETRIES);
        settings.add("--order.mail.stuck-after=10m");
        try (MailApplication second = MailApplication.start(smtp, settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesTo(alice.email()).size() >= 3);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.messagesTo(alice.email()).size() == 3);
            assertThat(smtp.messagesTo(alice.email())).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                    "Order #" + failed + " received", "Order #" + lostWhileSending + " received",
                    "Order #" + lostWhileRetried + " received");
            for (long id : List.of(failed, lostWhileSending, lostWhileRetried)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.publicationsOf(id))
                        .singleElement().satisfies(p -> assertThat(p.get("status")).isEqualTo("COMPLETED")));
            }
        }
    }
}
