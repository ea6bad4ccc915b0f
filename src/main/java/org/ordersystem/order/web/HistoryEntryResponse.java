package org.ordersystem.order.web;

import java.time.Instant;

import org.ordersystem.order.StatusChange;

/** One history row; creation is {@code null -> PENDING}. */
record HistoryEntryResponse(String fromStatus, String toStatus, long changedBy, Instant changedAt, String reason) {

    static HistoryEntryResponse of(StatusChange change) {
        return new HistoryEntryResponse(change.getFrom() == null ? null : change.getFrom().name(),
                change.getTo().name(), change.getChangedBy(), change.getChangedAt(), change.getReason());
    }
}
