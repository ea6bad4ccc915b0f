package org.ordersystem.webhook;

import java.util.List;

/** The event types: those an endpoint may subscribe to, and the test event. */
public final class WebhookEvents {

    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_STATUS_CHANGED = "order.status_changed";
    public static final String ORDER_UPDATED = "order.updated";
    public static final String ORDER_DELETED = "order.deleted";
    public static final String TEST = "webhook.test";

    /** What {@code events} may contain, in the contract's order. */
    public static final List<String> SUBSCRIBABLE = List.of(ORDER_PLACED, ORDER_STATUS_CHANGED, ORDER_UPDATED,
            ORDER_DELETED);

    private WebhookEvents() {
    }
}
