package org.ordersystem.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.JarProcess;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to the packaged jar while requests are in flight: readiness turns DOWN first,
 * every in-flight request completes, every acknowledged change is in the database, and
 * the process exits 0.
 */
@ExtendWith(TestServicesExtension.class)
class GracefulShutdownIT {

    @Test
    void sigtermLetsInFlightRequestsFinishAndExitsZero() throws Exception {
        try (JarProcess app = JarProcess.start(Map.of())) {
            shutDownUnderLoad(app);
        }
    }

    private void shutDownUnderLoad(JarProcess app) throws Exception {
        Api api = app.api();
        Account user = new Accounts(api).newUser();
        long orderId = api.post("/api/orders").token(user.token()).json(Map.of()).send().json().get("id").asLong();
        List<CompletableFuture<Api.Response>> inFlight = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (Connection blocker = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Holds the order's row lock: the item additions below wait for it, in flight.
                lock.execute("select id from pedidos where id = " + orderId + " for update");
            }
            for (int i = 0; i < 6; i++) {
                int index = i;
                inFlight.add(CompletableFuture.supplyAsync(() -> api.post("/api/orders/" + orderId + "/items")
                        .token(user.token()).json(Map.of("name", "Part " + index, "quantity", 1, "unit_price", 2))
                        .send(), clients));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLock(blocker) >= 6);
            }
            catch (org.awaitility.core.ConditionTimeoutException ex) {
                throw new AssertionError("Requests are not waiting on the order's lock:\n" + activity(blocker), ex);
            }

            app.terminate();
            await().atMost(Duration.ofSeconds(30)).until(() -> app.log().contains("Commencing graceful shutdown"));
            blocker.rollback();
        }

        for (CompletableFuture<Api.Response> request : inFlight) {
            assertThat(request.get().status()).as(request.get().toString()).isEqualTo(201);
        }
        clients.shutdown();
        assertThat(app.awaitExit(Duration.ofSeconds(40))).isZero();
        String log = app.log();
        assertThat(log.indexOf("Readiness is now REFUSING_TRAFFIC")).isPositive()
                .isLessThan(log.indexOf("Commencing graceful shutdown"));
        assertThat(log).contains("Graceful shutdown complete");
        try (Connection check = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres");
                Statement count = check.createStatement()) {
            var result = count.executeQuery("select count(*), sum(subtotal) from itens where pedido_id = " + orderId);
            result.next();
            assertThat(result.getInt(1)).isEqualTo(6);
            assertThat(result.getBigDecimal(2)).isEqualByComparingTo("12.00");
        }
    }

    private static String activity(Connection connection) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("select state, wait_event_type, wait_event, left(query, 120) from pg_stat_activity");
            while (result.next()) {
                text.append(result.getString(1)).append('|').append(result.getString(2)).append('|')
                        .append(result.getString(3)).append('|').append(result.getString(4)).append('\n');
            }
        }
        return text.toString();
    }

    private static int waitingOnLock(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            var result = statement.executeQuery(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'");
            result.next();
            return result.getInt(1);
        }
    }
}
