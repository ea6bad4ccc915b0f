package org.ordersystem.notification;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.codec.digest.DigestUtils;
import org.ordersystem.order.OrderPlaced;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.OrderStatusChanged;

/**
 * One order event that becomes one e-mail, whichever of the order module's events it came
 * from: a placement is the move to PENDING.
 *
 * @param fingerprint every field of the original event, so that two different events never
 *        share a Message-ID and the same event (retried, or replayed after a crash) always does
 */
record OrderMailEvent(long orderId, long userId, OrderStatus status, String reason, String fingerprint) {

    static OrderMailEvent of(OrderPlaced event) {
        return new OrderMailEvent(event.orderId(), event.userId(), OrderStatus.PENDING, null, String.join("|",
                "placed", Long.toString(event.orderId()), Long.toString(event.userId()), plain(event.total()),
                event.currency()));
    }

    static OrderMailEvent of(OrderStatusChanged event) {
        return new OrderMailEvent(event.orderId(), event.userId(), event.to(), event.reason(), String.join("|",
                "status", Long.toString(event.orderId()), Long.toString(event.userId()), String.valueOf(event.from()),
                String.valueOf(event.to()), Long.toString(event.changedBy()), Objects.toString(event.reason(), ""),
                plain(event.total())));
    }

    /** What happened, for subjects, logs and the Message-ID: placed, confirmed, shipped, delivered, cancelled. */
    String kind() {
        return status == OrderStatus.PENDING ? "placed" : status.name().toLowerCase(Locale.ROOT);
    }

    /** {@code <order-42-shipped-0123456789abcdef@domain>}: the same for every attempt of this event. */
    String messageId(String domain) {
        return "<order-" + orderId + "-" + kind() + "-" + DigestUtils.sha256Hex(fingerprint).substring(0, 16) + "@"
                + domain + ">";
    }

    /** 12.5 and 12.50 are the same amount: the serialised event must not change the id. */
    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
