package org.ordersystem.order.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of PATCH /api/orders/{id}: {@code notes} is required; an empty string clears it. */
record NotesRequest(@NotNull @Size(max = 2000) String notes) {
}
