package org.ordersystem.notification;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordersystem.notification.OrderContents.Contents;
import org.ordersystem.notification.OrderContents.Line;
import org.ordersystem.order.OrderPlaced;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.OrderStatusChanged;

import static org.assertj.core.api.Assertions.assertThat;

/** What each e-mail says, and its Message-ID, without a mail server. */
class OrderMailComposerTests {

    private final OrderMailComposer composer = new OrderMailComposer("shop.example");
    private final Contents contents = new Contents("EUR", new BigDecimal("27.50"),
            List.of(new Line("Cup & <saucer>", 2, new BigDecimal("5.00"), new BigDecimal("10.00")),
                    new Line("Teapot", 1, new BigDecimal("17.5"), new BigDecimal("17.50"))));

    @Test
    void aPlacementEmailListsTheOrderWithoutAReason() {
        Mail mail = composer.compose(OrderMailEvent.of(new OrderPlaced(7, 3, new BigDecimal("27.50"), "EUR")),
                "ann@example.com", "Ann", contents);

        assertThat(mail.to()).isEqualTo("ann@example.com");
        assertThat(mail.subject()).isEqualTo("Order #7 received");
        assertThat(mail.text()).contains("Hello Ann,", "order #7", "Status: PENDING",
                "2 x Cup & <saucer> at EUR 5.00 = EUR 10.00", "1 x Teapot at EUR 17.50 = EUR 17.50",
                "Total: EUR 27.50").doesNotContain("Reason");
        assertThat(mail.html()).contains("Cup &amp; &lt;saucer&gt;", "<strong>PENDING</strong>", "EUR 27.50")
                .doesNotContain("<saucer>");
    }

    @Test
    void eachStatusHasItsSubjectAndOnlyACancellationShowsTheReason() {
        for (OrderStatus to : List.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                OrderStatus.CANCELLED)) {
            Mail mail = composer.compose(changed(7, OrderStatus.PENDING, to, "out of <stock>"), "ann@example.com",
                    "Ann", contents);

            assertThat(mail.subject()).isEqualTo("Order #7 " + to.name().toLowerCase());
            assertThat(mail.text()).contains("Status: " + to);
            if (to == OrderStatus.CANCELLED) {
                assertThat(mail.text()).contains("Reason: out of <stock>");
                assertThat(mail.html()).contains("Reason: out of &lt;stock&gt;");
            }
            else {
                assertThat(mail.text()).doesNotContain("Reason");
            }
        }
    }

    @Test
    void anOrderWithoutItemsSaysSo() {
        Mail mail = composer.compose(changed(9, OrderStatus.PENDING, OrderStatus.CANCELLED, null), "a@b.example",
                "A", new Contents("USD", new BigDecimal("0.00"), List.of()));

        assertThat(mail.text()).contains("The order has no items.", "Total: USD 0.00").doesNotContain("Reason");
    }

    @Test
    void theMessageIdIsStableForAnEventAndDiffersBetweenEvents() {
        OrderMailEvent event = changed(7, OrderStatus.PENDING, OrderStatus.CANCELLED, "why");
        OrderMailEvent sameAgain = OrderMailEvent.of(new OrderStatusChanged(7, 3, OrderStatus.PENDING,
                OrderStatus.CANCELLED, 3, "why", new BigDecimal("27.5")));

        assertThat(event.messageId("shop.example")).matches("<order-7-cancelled-[0-9a-f]{16}@shop\\.example>")
                .isEqualTo(sameAgain.messageId("shop.example"));
        assertThat(event.messageId("shop.example")).isNotEqualTo(
                changed(7, OrderStatus.CONFIRMED, OrderStatus.CANCELLED, "why").messageId("shop.example"));
        assertThat(event.messageId("shop.example")).isNotEqualTo(
                changed(8, OrderStatus.PENDING, OrderStatus.CANCELLED, "why").messageId("shop.example"));
        assertThat(OrderMailEvent.of(new OrderPlaced(7, 3, BigDecimal.ONE, "EUR")).messageId("shop.example"))
                .startsWith("<order-7-placed-");
    }

    @Test
    void theMessageIdDomainIsTheSendersDomain() throws Exception {
        assertThat(OrderMailConfiguration.domainOf(new jakarta.mail.internet.InternetAddress("Shop <orders@shop.example>")))
                .isEqualTo("shop.example");
    }

    @Test
    void aFailureIsDescribedByTheKindsOfItsCausesOnly() {
        Exception failure = new org.springframework.mail.MailSendException("Mail server connection failed",
                new jakarta.mail.MessagingException("Could not connect to bob@secret.example",
                        new java.net.ConnectException("refused")));

        assertThat(OrderMailListener.kinds(failure))
                .isEqualTo("MailSendException < MessagingException < ConnectException").doesNotContain("secret");
    }

    private static OrderMailEvent changed(long orderId, OrderStatus from, OrderStatus to, String reason) {
        return OrderMailEvent.of(new OrderStatusChanged(orderId, 3, from, to, 3, reason, new BigDecimal("27.50")));
    }
}
