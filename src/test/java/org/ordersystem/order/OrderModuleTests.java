package org.ordersystem.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.WithTestServices;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserPorts;
import org.ordersystem.user.UserService;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order module with what it depends on (user, system) and nothing else, against the
 * real PostgreSQL: what it tells other modules through its events.
 */
@ApplicationModuleTest(extraIncludes = { "user", "system" }, verifyAutomatically = false, webEnvironment = WebEnvironment.NONE)
@WithTestServices
@Import(UserPorts.NoEndedSessions.class)
class OrderModuleTests {

    private final OrderService orders;
    private final UserService users;

    OrderModuleTests(OrderService orders, UserService users) {
        this.orders = orders;
        this.users = users;
    }

    @Test
    void placingAnOrderPublishesOrderPlacedWithItsOwnerAndTotal(AssertablePublishedEvents events) {
        CurrentUser owner = newUser();

        OrderSnapshot order = orders.place(owner, new PlaceOrder(List.of(new ItemDetails("Mug", null, 3,
                new BigDecimal("2.50"))), null, "EUR", null));

        assertThat(events).contains(OrderPlaced.class)
                .matching(OrderPlaced::orderId, order.id())
                .matching(OrderPlaced::userId, owner.id())
                .matching(OrderPlaced::currency, "EUR")
                .matching(placed -> placed.total().compareTo(new BigDecimal("7.50")) == 0);
    }

    @Test
    void confirmingAnOrderPublishesTheStatusChangeAndWhoMadeIt(AssertablePublishedEvents events) {
        CurrentUser owner = newUser();
        OrderSnapshot order = orders.place(owner, new PlaceOrder(List.of(new ItemDetails("Tea", null, 1,
                BigDecimal.TEN)), null, null, null));

        orders.changeStatus(owner, order.id(), null, OrderStatus.CONFIRMED, "ready");

        assertThat(events).contains(OrderStatusChanged.class)
                .matching(OrderStatusChanged::orderId, order.id())
                .matching(OrderStatusChanged::from, OrderStatus.PENDING)
                .matching(OrderStatusChanged::to, OrderStatus.CONFIRMED)
                .matching(OrderStatusChanged::changedBy, owner.id())
                .matching(OrderStatusChanged::reason, "ready");
    }

    private CurrentUser newUser() {
        UserAccount account = users.register("orders-" + UUID.randomUUID() + "@orders.test", "Str0ng-Passw0rd!",
                "Owner");
        return new CurrentUser(account.id(), account.email(), account.name(), false);
    }
}
