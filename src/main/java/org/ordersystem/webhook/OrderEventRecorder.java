package org.ordersystem.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.ordersystem.order.OrderDeleted;
import org.ordersystem.order.OrderPlaced;
import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderStatusChanged;
import org.ordersystem.order.OrderUpdated;

import org.springframework.context.event.EventListener;

/**
 * Records each order event for the endpoints subscribed to it. A plain (synchronous) listener
 * on purpose: it runs inside the transaction that changes the order, so the event is stored
 * if and only if the change commits, and its {@code data} is the order exactly as that
 * transaction leaves it. The workers send it after the commit.
 * <p>
 * Not Spring Modulith's publication registry, which the e-mails use: its listener would run
 * after the commit and read the order later, its resubmission is one job for all replicas, and
 * a webhook needs one outbox row per endpoint and attempt anyway (deliveries page, retries).
 */
class OrderEventRecorder {

    private final DeliveryOutbox outbox;
    private final Subscriptions subscriptions;
    private final OrderService orders;
    private final WebhookPayloads payloads;
    private final Clock clock;

    OrderEventRecorder(DeliveryOutbox outbox, Subscriptions subscriptions, OrderService orders,
            WebhookPayloads payloads, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.payloads = payloads;
        this.clock = clock;
    }

    @EventListener
    public void on(OrderPlaced event) {
        recordOrder(WebhookEvents.ORDER_PLACED, event.orderId());
    }

    @EventListener
    public void on(OrderStatusChanged event) {
        recordOrder(WebhookEvents.ORDER_STATUS_CHANGED, event.orderId());
    }

    @EventListener
    public void on(OrderUpdated event) {
        recordOrder(WebhookEvents.ORDER_UPDATED, event.orderId());
    }

    @EventListener
    public void on(OrderDeleted event) {
        if (subscriptions.includes(WebhookEvents.ORDER_DELETED)) {
            record(WebhookEvents.ORDER_DELETED, Map.of("id", event.orderId()));
        }
    }

    private void recordOrder(String type, long orderId) {
        if (subscriptions.includes(type)) {
            // read in this transaction: the order as this change leaves it
            orders.find(orderId).ifPresent(order -> record(type, OrderData.of(order)));
        }
    }

    private void record(String type, Object data) {
        Instant now = clock.instant();
        outbox.record(UUID.randomUUID(), type, payloads.payload(type, now, data), now);
    }
}
