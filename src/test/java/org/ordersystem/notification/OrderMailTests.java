package org.ordersystem.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.order.ItemDetails;
import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.OrderStatusChanged;
import org.ordersystem.order.PlaceOrder;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;

import org.springframework.transaction.support.TransactionTemplate;
import org.ordersystem.user.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each order event becomes exactly the expected e-mail, through a real SMTP server; nothing else does. */
class OrderMailTests {

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
    void placingAnOrderEmailsItsOwnerOnce() throws Exception {
        Account alice = app.newUser();
        long id = app.placeOrder(alice, List.of(Map.of("name", "Mug <b>& co</b>", "quantity", 2, "unit_price", 3.5),
                Map.of("name", "Tea", "quantity", 1, "unit_price", 10)));

        MimeMessage mail = onlyMailTo(alice, 1).get(0);

        assertThat(mail.getSubject()).isEqualTo("Order #" + id + " received");
        assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("orders@test.local");
        assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(alice.email());
        assertThat(mail.getMessageID()).matches("<order-" + id + "-placed-[0-9a-f]{16}@test\\.local>");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = MailApplication.part(mail, "text/plain");
        assertThat(text).contains("Hello Test User", "order #" + id, "Status: PENDING",
                "2 x Mug <b>& co</b> at USD 3.50 = USD 7.00", "1 x Tea at USD 10.00 = USD 10.00", "Total: USD 17.00")
                .doesNotContain("Reason");
        String html = MailApplication.part(mail, "text/html");
        assertThat(html).contains("#" + id, "<strong>PENDING</strong>", "Mug &lt;b&gt;&amp; co&lt;/b&gt;",
                "USD 17.00").doesNotContain("<b>&");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.publicationsOf(id).stream()
                .allMatch(publication -> Boolean.TRUE.equals(publication.get("completed"))));
        assertThat(app.publicationsOf(id)).singleElement()
                .satisfies(publication -> assertThat(publication.get("status")).isEqualTo("COMPLETED"));
    }

    @Test
    void everyStatusChangeEmailsTheOwnerWithItsOwnMessageId() throws Exception {
        Account bob = app.newUser();
        Account admin = app.admin();
        long id = app.placeOrder(bob, List.of(Map.of("name", "Lamp", "quantity", 1, "unit_price", 25)));

        assertThat(app.changeStatus(bob, id, "CONFIRMED", "please hurry").status()).isEqualTo(200);
        awaitMails(bob, 2);
        assertThat(app.changeStatus(admin, id, "SHIPPED", null).status()).isEqualTo(200);
        awaitMails(bob, 3);
        assertThat(app.changeStatus(admin, id, "DELIVERED", null).status()).isEqualTo(200);

        List<MimeMessage> mails = onlyMailTo(bob, 4);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Order #" + id + " received",
                "Order #" + id + " confirmed", "Order #" + id + " shipped", "Order #" + id + " delivered");
        assertThat(mails).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates()
                .allMatch(messageId -> messageId.startsWith("<order-" + id + "-"));
        assertThat(MailApplication.part(withSubject(mails, "Order #" + id + " confirmed"), "text/plain"))
                .contains("has been confirmed", "Status: CONFIRMED", "1 x Lamp at USD 25.00", "Total: USD 25.00")
                .doesNotContain("please hurry");
        assertThat(MailApplication.part(withSubject(mails, "Order #" + id + " shipped"), "text/plain"))
                .contains("Status: SHIPPED");
        assertThat(MailApplication.part(withSubject(mails, "Order #" + id + " delivered"), "text/plain"))
                .contains("Status: DELIVERED");
    }

    @Test
    void aCancellationEmailGivesTheReason() throws Exception {
        Account carol = app.newUser();
        long id = app.placeOrder(carol, List.of(Map.of("name", "Chair", "quantity", 4, "unit_price", 12.25)));

        assertThat(app.changeStatus(carol, id, "CANCELLED", "Found <it> cheaper & nearer").status()).isEqualTo(200);

        MimeMessage cancelled = withSubject(onlyMailTo(carol, 2), "Order #" + id + " cancelled");
        assertThat(cancelled.getMessageID()).startsWith("<order-" + id + "-cancelled-");
        assertThat(MailApplication.part(cancelled, "text/plain")).contains("Status: CANCELLED",
                "Reason: Found <it> cheaper & nearer", "4 x Chair at USD 12.25 = USD 49.00", "Total: USD 49.00");
        assertThat(MailApplication.part(cancelled, "text/html"))
                .contains("Reason: Found &lt;it&gt; cheaper &amp; nearer");
    }

    @Test
    void refusedChangesSendNothingAndStoreNothing() {
        Account dave = app.newUser();
        long id = app.placeOrder(dave, List.of(Map.of("name", "Desk", "quantity", 1, "unit_price", 99)));
        awaitMails(dave, 1);

        Api.Response skipping = app.changeStatus(dave, id, "DELIVERED", null);
        Api.Response invalid = app.api().post("/api/orders").token(dave.token())
                .json(Map.of("items", List.of(Map.of("name", "Broken", "quantity", 0, "unit_price", 1)))).send();
        Api.Response notOwner = app.changeStatus(app.newUser(), id, "CANCELLED", null);

        assertThat(skipping.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(notOwner.status()).isEqualTo(404);
        assertThat(app.publicationsOf(id)).extracting(p -> p.get("listener_id"))
                .containsExactly(OrderMailListener.PLACED_ID);
        assertThat(app.jdbc().queryForObject("""
                select count(*) from event_publication
                where (serialized_event::jsonb ->> 'user_id')::bigint = ?""", Long.class, dave.id())).isEqualTo(1);
        onlyMailTo(dave, 1);
    }

    @Test
    void aRolledBackOrderChangeSendsNothing() {
        Account erin = app.newUser();
        CurrentUser caller = new CurrentUser(erin.id(), erin.email(), "Test User", false);
        TransactionTemplate transactions = app.bean(TransactionTemplate.class);

        Long rolledBack = transactions.execute(status -> {
            long id = app.bean(OrderService.class).place(caller,
                    new PlaceOrder(List.of(new ItemDetails("Ghost", null, 1, new BigDecimal("5.00"))), null, null, null))
                    .id();
            status.setRollbackOnly();
            return id;
        });
        long neverCommitted = 990_000_000L + erin.id();
        transactions.executeWithoutResult(status -> {
            app.publish(new OrderStatusChanged(neverCommitted, erin.id(),
                    OrderStatus.PENDING, OrderStatus.CANCELLED, erin.id(), "rolled back", BigDecimal.ONE));
            status.setRollbackOnly();
        });
        long committed = 980_000_000L + erin.id();
        transactions.executeWithoutResult(status -> app.publish(
                new OrderStatusChanged(committed, erin.id(), OrderStatus.PENDING, OrderStatus.CANCELLED, erin.id(),
                        "committed", BigDecimal.ONE)));

        assertThat(app.publicationsOf(rolledBack)).isEmpty();
        assertThat(app.publicationsOf(neverCommitted)).isEmpty();
        // the same event committed is stored, and completed without an e-mail as that order does not exist
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.publicationsOf(committed))
                .singleElement().satisfies(p -> assertThat(p.get("completed")).isEqualTo(true)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.messagesTo(erin.email()).isEmpty());
    }

    @Test
    void theMailServerIsAHealthComponentButNotPartOfReadiness() {
        assertThat(app.health().at("/components/mail/status").asString()).isEqualTo("UP");
        Api.Response readiness = app.api().get("/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/mail").isMissingNode()).isTrue();
    }

    @Test
    void sentEmailsAreCountedAndTheirPublicationsCompleted() {
        double before = app.metric("orders_emails_sent_total");
        Account frank = app.newUser();
        long id = app.placeOrder(frank, List.of(Map.of("name", "Pen", "quantity", 3, "unit_price", 1)));
        awaitMails(frank, 1);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(app.metric("orders_emails_sent_total")).isGreaterThanOrEqualTo(before + 1));
        assertThat(app.api().get("/metrics").send().text()).contains("orders_emails_failed_total",
                "orders_emails_pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.publicationsOf(id).stream()
                .allMatch(p -> Boolean.TRUE.equals(p.get("completed"))));
    }

    @Test
    void completedPublicationsAreDeletedAfterTheRetention() {
        Account gina = app.newUser();
        long old = app.placeOrder(gina, List.of(Map.of("name", "Old", "quantity", 1, "unit_price", 1)));
        long recent = app.placeOrder(gina, List.of(Map.of("name", "New", "quantity", 1, "unit_price", 1)));
        awaitMails(gina, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.publicationsOf(old).size() == 1
                && app.publicationsOf(recent).size() == 1
                && Boolean.TRUE.equals(app.publicationsOf(old).get(0).get("completed"))
                && Boolean.TRUE.equals(app.publicationsOf(recent).get(0).get("completed")));
        app.jdbc().update("""
                update event_publication set completion_date = now() - interval '8 days'
                where (serialized_event::jsonb ->> 'order_id')::bigint = ?""", old);

        app.bean(OrderMailRetries.class).deleteCompleted();

        assertThat(app.publicationsOf(old)).isEmpty();
        assertThat(app.publicationsOf(recent)).hasSize(1);
    }

    static MimeMessage withSubject(List<MimeMessage> mails, String subject) {
        return mails.stream().filter(mail -> {
            try {
                return subject.equals(mail.getSubject());
            }
            catch (jakarta.mail.MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no e-mail with subject " + subject));
    }

    private static List<MimeMessage> awaitMails(Account account, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.messagesTo(account.email()).size() >= count);
        return smtp.messagesTo(account.email());
    }

    /** Exactly {@code count} e-mails to this account, and no more arriving afterwards. */
    private static List<MimeMessage> onlyMailTo(Account account, int count) {
        awaitMails(account, count);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.messagesTo(account.email()).size() == count);
        return smtp.messagesTo(account.email());
    }
}
