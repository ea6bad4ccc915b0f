package org.ordersystem.resilience;

import java.util.List;
import java.util.Map;

import org.ordersystem.support.Api;
import org.ordersystem.support.PrometheusText;

/** Values from an instance's {@code /metrics} (Prometheus text). */
final class Metrics {

    private final List<PrometheusText.Sample> samples;

    private Metrics(List<PrometheusText.Sample> samples) {
        this.samples = samples;
    }

    static Metrics of(Api api) {
        Api.Response response = api.get("/metrics").send();
        if (response.status() != 200) {
            throw new AssertionError("/metrics answered " + response.status());
        }
        return new Metrics(PrometheusText.parse(response.text()));
    }

    /** The sum of every sample of {@code name} whose labels include {@code labels}. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    /** Hikari's view of the pool named "orders". */
    record Pool(int active, int idle, int pending, int total, int max, double timeouts) {
        boolean atRest() {
            return active == 0 && pending == 0;
        }
    }

    Pool pool() {
        Map<String, String> pool = Map.of("pool", "orders");
        return new Pool((int) sum("hikaricp_connections_active", pool), (int) sum("hikaricp_connections_idle", pool),
                (int) sum("hikaricp_connections_pending", pool), (int) sum("hikaricp_connections", pool),
                (int) sum("hikaricp_connections_max", pool), sum("hikaricp_connections_timeout_total", pool));
    }

    /** Heap in use, in MiB, over every heap memory pool. */
    double heapUsedMiB() {
        return sum("jvm_memory_used_bytes", Map.of("area", "heap")) / (1024 * 1024);
    }

    double heapMaxMiB() {
        return samples.stream().filter(s -> s.name().equals("jvm_memory_max_bytes"))
                .filter(s -> "heap".equals(s.labels().get("area"))).mapToDouble(PrometheusText.Sample::value)
                .filter(v -> v > 0).sum() / (1024 * 1024);
    }
}
