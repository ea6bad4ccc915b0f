package org.ordersystem.order.web;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.order.PlaceOrder;
import org.ordersystem.user.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /api/orders with an Idempotency-Key.
 * <p>
 * The transaction starts here, in the web layer, and not in the order service: the answer to
 * store is HTTP (status and body), which the order module knows nothing of, yet it must commit
 * with the order under the key's advisory lock. Otherwise a retry after a success could miss the
 * first answer and place a second order, or a crash between the two could leave an answer
 * without its order. {@link OrderService#place} joins this transaction.
 */
@Component
class IdempotentPlacement {

    private final OrderService orders;
    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final Counter replays;

    IdempotentPlacement(OrderService orders, IdempotencyKeys keys, JsonMapper json, MeterRegistry meters) {
        this.orders = orders;
        this.keys = keys;
        this.json = json;
        this.replays = Counter.builder("orders.idempotent.replays")
                .description("Order creations answered from an earlier request with the same Idempotency-Key")
                .register(meters);
    }

    /** The placed order's answer, or the first answer again (Idempotent-Replayed) for a repeated key. */
    @Transactional
    ResponseEntity<String> place(CurrentUser caller, PlaceOrder command, String key) {
        // equal requests give equal JSON, so the hash tells a repeat from a different request
        String hash = IdempotencyKeys.hash(json.writeValueAsString(command));
        Optional<IdempotencyKeys.StoredResponse> first = keys.claim(caller.id(), key, hash);
        if (first.isPresent()) {
            replays.increment();
            return replay(first.get());
        }
        OrderSnapshot order = orders.place(caller, command);
        String body = json.writeValueAsString(OrderResponse.of(order, caller));
        keys.remember(caller.id(), key, hash, order.id(), HttpStatus.CREATED.value(), body);
        return answer(HttpStatus.CREATED.value(), order.id(), order.version()).body(body);
    }

    /**
     * The stored body is the first answer as sent; its Location and ETag name the order it
     * describes, so they are read back from it rather than stored a second time.
     */
    private ResponseEntity<String> replay(IdempotencyKeys.StoredResponse first) {
        OrderResponse order = json.readValue(first.body(), OrderResponse.class);
        return answer(first.status(), order.id(), order.version()).header("Idempotent-Replayed", "true")
                .body(first.body());
    }

    private static ResponseEntity.BodyBuilder answer(int status, long orderId, long version) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .location(OrderController.location(orderId)).eTag(Etags.of(version));
    }
}
