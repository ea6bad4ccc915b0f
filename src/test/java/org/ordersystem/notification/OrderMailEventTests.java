package org.ordersystem.notification;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.ordersystem.order.OrderPlaced;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.OrderStatusChanged;

import static org.assertj.core.api.Assertions.assertThat;

class OrderMailEventTests {

    /** Pinned values: an e-mail still in the outbox during an upgrade is retried with the Message-ID it first had. */
    @Test
    void theMessageIdOfAnEventDoesNotChangeBetweenReleases() {
        assertThat(OrderMailEvent.of(new OrderStatusChanged(7, 3, OrderStatus.PENDING, OrderStatus.CANCELLED, 3, "why",
                new BigDecimal("27.50"))).messageId("shop.example"))
                .isEqualTo("<order-7-cancelled-0df660204afba117@shop.example>");
        assertThat(OrderMailEvent.of(new OrderPlaced(7, 3, BigDecimal.ONE, "EUR")).messageId("shop.example"))
                .isEqualTo("<order-7-placed-ebeb9c30a48b9eb4@shop.example>");
    }
}
