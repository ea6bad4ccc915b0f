package org.ordersystem.order;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.system.data.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * Business metrics, counted only for changes that committed: orders placed, status
 * transitions by from/to, the distribution of order values, idempotent replays.
 */
@Component
class OrderMetrics {

    private final MeterRegistry meters;
    private final Counter created;
    private final Counter replays;

    OrderMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.created = Counter.builder("orders.placed").description("Orders placed").register(meters);
        this.replays = Counter.builder("orders.idempotent.replays")
                .description("Order creations answered from an earlier request with the same Idempotency-Key")
                .register(meters);
    }

    void recorded(List<Object> events) {
        AfterCommit.run(() -> events.forEach(this::count));
    }

    void replayed() {
        replays.increment();
    }

    private void count(Object event) {
        if (event instanceof OrderPlaced placed) {
            created.increment();
            DistributionSummary.builder("orders.value").description("Value of orders when placed")
                    .tag("currency", placed.currency())
                    .serviceLevelObjectives(10, 50, 100, 250, 500, 1000, 5000, 10_000, 100_000)
                    .register(meters).record(placed.total().doubleValue());
        }
        else if (event instanceof OrderStatusChanged changed) {
            meters.counter("orders.status.transitions", "from", changed.from().name(), "to", changed.to().name())
                    .increment();
        }
    }
}
