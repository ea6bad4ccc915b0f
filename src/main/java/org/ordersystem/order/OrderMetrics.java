package org.ordersystem.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.system.data.AfterCommit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Business metrics from the order events, counted only for changes that committed: orders
 * placed, status transitions by from/to, the distribution of order values.
 * <p>
 * Plain {@code @EventListener}s, called in the publishing transaction: a transactional listener
 * would give every event a row in Modulith's publication registry.
 */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Counter placed;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.placed = Counter.builder("orders.placed").description("Orders placed").register(meters);
    }

    @EventListener
    void on(OrderPlaced event) {
        AfterCommit.run(() -> {
            placed.increment();
            DistributionSummary.builder("orders.value").description("Value of orders when placed")
                    .tag("currency", event.currency())
                    .serviceLevelObjectives(10, 50, 100, 250, 500, 1000, 5000, 10_000, 100_000)
                    .register(meters).record(event.total().doubleValue());
        });
    }

    @EventListener
    void on(OrderStatusChanged event) {
        AfterCommit.run(() -> meters.counter("orders.status.transitions", "from", event.from().name(), "to",
                event.to().name()).increment());
    }
}
