package org.ordersystem.notification;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code orders.emails.sent}, {@code orders.emails.failed} (attempts; each is retried) and
 * {@code orders.emails.pending} (e-mails in the outbox not yet accepted by the SMTP server,
 * refreshed by every retry run).
 */
class OrderMailMetrics {

    private final Counter sent;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();

    OrderMailMetrics(MeterRegistry registry) {
        this.sent = Counter.builder("orders.emails.sent")
                .description("E-mails (about orders, password resets) accepted by the SMTP server").register(registry);
        this.failed = Counter.builder("orders.emails.failed")
                .description("Failed attempts to send an e-mail; each one is retried").register(registry);
        Gauge.builder("orders.emails.pending", pending, AtomicLong::get)
                .description("E-mails waiting in the outbox to be sent or retried").register(registry);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void pending(long count) {
        pending.set(count);
    }
}
