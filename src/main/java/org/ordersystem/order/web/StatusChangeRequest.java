package org.ordersystem.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of PATCH /api/orders/{id}/status. */
record StatusChangeRequest(@NotBlank String status, @Size(max = 500) String reason) {
}
