package org.ordersystem.order.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.user.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The items of one order; every change answers with the order's new ETag. */
@RestController
@RequestMapping(path = "/api/orders/{orderId}/items", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderItemController {

    private final OrderService orders;

    OrderItemController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    ResponseEntity<List<OrderResponse.Line>> list(@AuthenticationPrincipal CurrentUser caller,
            @PathVariable long orderId) {
        OrderSnapshot order = orders.get(caller, orderId);
        return ResponseEntity.ok().eTag(Etags.of(order))
                .body(order.items().stream().map(item -> OrderResponse.Line.of(item, orderId)).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ItemResponse> add(@AuthenticationPrincipal CurrentUser caller, @PathVariable long orderId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid ItemRequest request) {
        OrderService.ItemChange added = orders.addItem(caller, orderId, Etags.expectedVersion(ifMatch),
                request.details());
        return ResponseEntity.created(URI.create("/api/orders/" + orderId + "/items/" + added.item().id()))
                .eTag(Etags.of(added.order())).body(ItemResponse.of(added));
    }

    @PatchMapping(path = "/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ItemResponse> change(@AuthenticationPrincipal CurrentUser caller, @PathVariable long orderId,
            @PathVariable long itemId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid ItemChangeRequest request) {
        OrderService.ItemChange changed = orders.changeItem(caller, orderId, itemId, Etags.expectedVersion(ifMatch),
                request.changes());
        return ResponseEntity.ok().eTag(Etags.of(changed.order())).body(ItemResponse.of(changed));
    }

    @DeleteMapping("/{itemId}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser caller, @PathVariable long orderId,
            @PathVariable long itemId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        OrderSnapshot order = orders.removeItem(caller, orderId, itemId, Etags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(Etags.of(order)).build();
    }
}
