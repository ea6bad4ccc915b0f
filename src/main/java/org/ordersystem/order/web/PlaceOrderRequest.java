package org.ordersystem.order.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of POST /api/orders. */
record PlaceOrderRequest(
        List<@Valid @NotNull ItemRequest> items,
        @Size(max = 2000) String notes,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD") String currency,
        @Positive Long userId) {
}
