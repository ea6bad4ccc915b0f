package org.ordersystem.order;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The order lifecycle of the contract. Owners (and admins) may confirm and cancel;
 * shipping and delivery are for admins only.
 */
public enum OrderStatus {

    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    /** Every transition the lifecycle allows from this status, whoever asks. */
    Set<OrderStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    static boolean adminOnly(OrderStatus target) {
        return target == SHIPPED || target == DELIVERED;
    }

    /** What a caller may do next, in lifecycle order; confirming needs an item. */
    List<OrderStatus> allowedFor(boolean admin, boolean hasItems) {
        return successors().stream()
                .filter(next -> admin || !adminOnly(next))
                .filter(next -> next != CONFIRMED || hasItems)
                .sorted().toList();
    }

    boolean itemsModifiable() {
        return this == PENDING;
    }

    boolean notesModifiable() {
        return this == PENDING || this == CONFIRMED;
    }
}
