package org.ordersystem.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.JarProcess;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as the image starts it ({@code -Dspring.aot.enabled=true}): from
 * the bean definitions {@code process-aot} generated, including Spring Data's generated
 * repositories, and serving the API as the regular start does; with settings that choose
 * other beans than the build did, it starts the regular way and says why.
 */
@ExtendWith(TestServicesExtension.class)
class PrecomputedContextIT {

    @Test
    void theDeployedShapeStartsFromTheGeneratedDefinitionsAndServesTheApi() {
        try (JarProcess app = JarProcess.start(Map.of("ADMIN_EMAIL", Accounts.ADMIN_EMAIL,
                "ADMIN_PASSWORD", Accounts.ADMIN_PASSWORD, "METRICS_TOKEN", "aot-metrics-token-0123456789"))) {
            assertThat(app.log()).contains("Starting AOT-processed").doesNotContain("without ahead-of-time");
            Api api = app.api();
            Accounts accounts = new Accounts(api);
            Account user = accounts.newUser();

            Api.Response created = api.post("/api/orders").token(user.token())
                    .json(Map.of("notes", "precomputed", "items",
                            java.util.List.of(Map.of("name", "Widget", "sku", "W-1", "quantity", 2, "unit_price", 3.5))))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            Api.Response item = api.post("/api/orders/" + id + "/items").token(user.token())
                    .json(Map.of("name", "Gadget", "quantity", 1, "unit_price", 10)).send();
            assertThat(item.status()).as(item.toString()).isEqualTo(201);
            assertThat(item.json().get("order_total").decimalValue()).isEqualByComparingTo("17.00");

            Api.Response confirmed = api.patch("/api/orders/" + id + "/status").token(user.token())
                    .json(Map.of("status", "CONFIRMED")).send();
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
            Api.Response read = api.get("/api/orders/" + id).token(user.token()).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("item_count").asInt()).isEqualTo(2);
            Api.Response history = api.get("/api/orders/" + id + "/history").token(user.token()).send();
            assertThat(history.json()).hasSize(2);
            Api.Response list = api.get("/api/orders?status=CONFIRMED&sort=total,desc").token(user.token()).send();
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.json().get("page").get("total_elements").asLong()).isEqualTo(1);

            Account stranger = accounts.newUser();
            assertThat(api.get("/api/orders/" + id).token(stranger.token()).send().status()).isEqualTo(404);
            assertThat(api.get("/api/users").token(user.token()).send().status()).isEqualTo(403);
            Account admin = accounts.admin();
            Api.Response statistics = api.get("/api/orders/statistics?user_id=" + user.id()).token(admin.token()).send();
            assertThat(statistics.status()).as(statistics.toString()).isEqualTo(200);
            assertThat(statistics.json().get("total_orders").asLong()).isEqualTo(1);

            Api.Response metrics = api.get("/metrics").header("Authorization", "Bearer aot-metrics-token-0123456789")
                    .send();
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("http_server_requests_seconds_count");
            assertThat(api.get("/health").send().json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void aReadReplicaChoosesNoOtherBeans() {
        // the test database as "replica": reachable but no standby, so it is not read from
        try (JarProcess app = JarProcess.start(Map.of("DATABASE_REPLICA_URL", TestServices.get().databaseUrl()))) {
            assertThat(app.log()).contains("Starting AOT-processed").doesNotContain("without ahead-of-time");
            Account user = new Accounts(app.api()).newUser();
            assertThat(app.api().post("/api/orders").token(user.token()).json(Map.of()).send().status())
                    .isEqualTo(201);
            assertThat(app.api().get("/api/orders").token(user.token()).send().status()).isEqualTo(200);
            Api.Response health = app.api().get("/health").send();
            assertThat(health.json().get("components").get("replica").get("status").asText()).isEqualTo("DOWN");
            assertThat(app.api().get("/health/readiness").send().status()).isEqualTo(200);
        }
    }

    @Test
    void otherChoicesThanTheBuildsStartTheRegularWayAndSaySo() {
        try (JarProcess app = JarProcess.start(Map.of("CACHE_TYPE", "simple"))) {
            assertThat(app.log()).doesNotContain("Starting AOT-processed")
                    .contains("Starting without ahead-of-time bean definitions (a slower start): they were built for "
                            + "[database=url, redis=on, cache=redis, mail=off, sentry=off, datadog=off], these settings "
                            + "choose [database=url, redis=on, cache=caffeine, mail=off, sentry=off, datadog=off]");
            Account user = new Accounts(app.api()).newUser();
            assertThat(app.api().post("/api/orders").token(user.token()).json(Map.of()).send().status())
                    .isEqualTo(201);
        }
    }
}
