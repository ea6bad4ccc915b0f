package org.ordersystem.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.PrometheusText;
import org.ordersystem.support.PrometheusText.Sample;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard and the alerts read from /metrics, parsed as Prometheus text. */
@IntegrationTest
class MetricsApiTests {

    private final Api api;

    @Autowired
    ApplicationContext context;

    MetricsApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void exposesTheNamesAndLabelsTheDashboardAndAlertsUse() {
        Account user = new Accounts(api).newUser();
        long id = api.post("/api/orders").token(user.token())
                .json(Map.of("items", List.of(Map.of("name", "A", "quantity", 2, "unit_price", 30))))
                .header("Idempotency-Key", "metrics-1").send().json().get("id").asLong();
        api.post("/api/orders").token(user.token())
                .json(Map.of("items", List.of(Map.of("name", "A", "quantity", 2, "unit_price", 30))))
                .header("Idempotency-Key", "metrics-1").send();
        api.patch("/api/orders/" + id + "/status").token(user.token()).json(Map.of("status", "CONFIRMED")).send();
        api.get("/api/orders/" + id).token(user.token()).send();
        api.get("/api/orders/" + id).token(user.token()).send();

        String text = api.get("/metrics").send().text();
        List<Sample> samples = PrometheusText.parse(text);

        assertThat(samples).allSatisfy(s -> assertThat(s.labels()).containsEntry("application", "order-backend")
                .containsKey("instance"));
        assertThat(find(samples, "http_server_requests_seconds_bucket", "uri", "/api/orders/{id}")).isNotEmpty();
        assertThat(find(samples, "http_server_requests_seconds_bucket", "le", "0.005")).isNotEmpty();
        assertThat(sum(samples, "orders_placed_total")).isGreaterThanOrEqualTo(1);
        assertThat(find(samples, "orders_status_transitions_total", "to", "CONFIRMED"))
                .anySatisfy(s -> assertThat(s.labels()).containsEntry("from", "PENDING"));
        assertThat(find(samples, "orders_value_bucket", "currency", "USD")).isNotEmpty();
        assertThat(sum(samples, "orders_idempotent_replays_total")).isGreaterThanOrEqualTo(1);
        assertThat(find(samples, "cache_gets_total", "cache", "orders")).isNotEmpty();
        assertThat(find(samples, "hikaricp_connections_active", "pool", "orders")).isNotEmpty();
        assertThat(find(samples, "hikaricp_connections_max", "pool", "orders")).isNotEmpty();
        assertThat(find(samples, "jvm_memory_used_bytes", "area", "heap")).isNotEmpty();
        assertThat(samples).extracting(Sample::name).contains("ratelimit_rejected_total", "ratelimit_fallback_total",
                "auth_login_failures_total", "auth_lockouts_total", "process_cpu_usage",
                "disk_free_bytes", "disk_total_bytes", "http_admission_rejected_total");
    }

    @Test
    void sentryAndDatadogAreOffWhenTheirVariablesAreUnset() {
        assertThat(context.getBeanNamesForType(io.micrometer.datadog.DatadogMeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.sentry.IScopes.class)).isEmpty();
    }

    private static List<Sample> find(List<Sample> samples, String name, String label, String value) {
        return samples.stream().filter(s -> s.name().equals(name) && value.equals(s.labels().get(label))).toList();
    }

    private static double sum(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }
}
