package org.ordersystem.order;

import java.util.Optional;
import java.util.function.Function;

import org.ordersystem.user.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Places an order, honouring an optional Idempotency-Key in the same transaction. */
@Component
public class OrderPlacement {

    private final OrderService orders;
    private final IdempotencyKeys keys;
    private final OrderMetrics metrics;

    OrderPlacement(OrderService orders, IdempotencyKeys keys, OrderMetrics metrics) {
        this.orders = orders;
        this.keys = keys;
        this.metrics = metrics;
    }

    /** The response to send: the fresh one, or the first one again for a repeated key. */
    public record Outcome(int status, String body, long orderId, boolean replayed) {
    }

    /**
     * @param canonicalRequest the request as normalised JSON: equal requests give equal text
     * @param render the response body for a placed order
     */
    @Transactional
    public Outcome place(CurrentUser caller, PlaceOrder command, String idempotencyKey, String canonicalRequest,
            Function<OrderSnapshot, String> render) {
        if (idempotencyKey == null) {
            OrderSnapshot order = orders.place(caller, command);
            return new Outcome(201, render.apply(order), order.id(), false);
        }
        String hash = IdempotencyKeys.hash(canonicalRequest);
        Optional<IdempotencyKeys.StoredResponse> first = keys.claim(caller.id(), idempotencyKey, hash);
        if (first.isPresent()) {
            IdempotencyKeys.StoredResponse stored = first.get();
            metrics.replayed();
            return new Outcome(stored.status(), stored.body(), stored.orderId() == null ? -1 : stored.orderId(), true);
        }
        OrderSnapshot order = orders.place(caller, command);
        String body = render.apply(order);
        keys.remember(caller.id(), idempotencyKey, hash, order.id(), 201, body);
        return new Outcome(201, body, order.id(), false);
    }
}
