package org.ordersystem.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.ordersystem.order.ItemDetails;
import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.order.PlaceOrder;
import org.ordersystem.support.WithTestServices;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserService;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification module with what it depends on (order, user, auth, system), SMTP configured
 * and a real in-JVM SMTP server: an order placed through the order module reaches its
 * owner by e-mail once the order's transaction has committed. Only the start-up retry
 * runs, so this context, which stays cached, never takes another test's e-mails.
 */
@ApplicationModuleTest(extraIncludes = { "order", "user", "auth", "system" }, verifyAutomatically = false, webEnvironment = WebEnvironment.MOCK)
@WithTestServices
@TestPropertySource(properties = { "SMTP_HOST=127.0.0.1", "SMTP_FROM=orders@test.local",
        "order.mail.retry-interval=1h", "order.mail.initial-backoff=1h" })
class NotificationModuleTests {

    private static final TestSmtp smtp = new TestSmtp();

    private final OrderService orders;
    private final UserService users;

    NotificationModuleTests(OrderService orders, UserService users) {
        this.orders = orders;
        this.users = users;
    }

    /** SMTP_PORT would be read before a dynamic property exists, so the port is given as Spring's property. */
    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("spring.mail.port", smtp::port);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @Test
    void anOrderPlacedThroughTheOrderModuleIsMailedToItsOwnerOnceCommitted(Scenario scenario) {
        UserAccount account = users.register("mail-" + UUID.randomUUID() + "@orders.test", "Str0ng-Passw0rd!", "Ada");
        CurrentUser owner = new CurrentUser(account.id(), account.email(), account.name(), false);

        scenario.stimulate(() -> orders.place(owner, new PlaceOrder(List.of(new ItemDetails("Mug", null, 2,
                        new BigDecimal("3.50"))), null, null, null)))
                .customize(wait -> wait.atMost(Duration.ofSeconds(60)))
                .andWaitForStateChange(() -> smtp.messagesTo(account.email()), messages -> !messages.isEmpty())
                .andVerify((List<MimeMessage> messages, OrderSnapshot order) -> assertThat(messages).singleElement()
                        .satisfies(mail -> assertThat(mail.getSubject()).contains("#" + order.id())));
    }
}
