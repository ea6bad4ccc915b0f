package org.ordersystem.resilience;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.ordersystem.resilience.Ledger.Call;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.JarProcess;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: a rolling deploy under load. Two instances of the packaged jar serve a client
 * that balances over them and fails over (a refused connection or a 503 from a server that
 * is shutting down sends the request to the other instance; orders carry an
 * Idempotency-Key, so a retry never duplicates one). Instance A gets SIGTERM while requests
 * are provably in flight on it (they wait on a row lock held by the test); a new instance
 * A2, started alongside, takes its place; then B gets SIGTERM. Every in-flight request finishes 201, each instance
 * exits 0, every logical operation of the client ends with a success, and the ledger holds.
 */
class RollingRestartIT {

    static final int IN_FLIGHT = 4;

    @Test
    void sigtermUnderLoadLosesNothingAndNewRequestsGoElsewhere() throws Exception {
        Figures figures = new Figures("rolling-restart");
        Ledger ledger = new Ledger();
        Workload.Failover balancer = new Workload.Failover();
        // A and B serve; A2, the new version, starts while the load runs and is let in when A goes.
        // The C1 compiler alone: three JVMs start on two cores within JarProcess's two minutes.
        Map<String, String> quickStart = Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        ExecutorService starter = Executors.newFixedThreadPool(3);
        CompletableFuture<JarProcess> startingA = CompletableFuture.supplyAsync(() -> JarProcess.start(quickStart),
                starter);
        CompletableFuture<JarProcess> startingB = CompletableFuture.supplyAsync(() -> JarProcess.start(quickStart),
                starter);
        CompletableFuture<JarProcess> startingA2 = new CompletableFuture<>();
        JarProcess a = null;
        JarProcess b = null;
        JarProcess a2 = null;
        try {
            a = startingA.get();
            b = startingB.get();
            balancer.add("A", a.api());
            balancer.add("B", b.api());
            List<Account> users = Workload.users(a.api(), 6);
            Account hotOwner = users.get(0);
            long hotOrder = a.api().post("/api/orders").token(hotOwner.token())
                    .json(Map.of("notes", "hot order", "items", List.of(Map.of("name", "seed", "quantity", 1,
                            "unit_price", 1)))).send().json().get("id").asLong();

            Workload load = new Workload(ledger, balancer, users, Workload.Mix.failoverSafe(), Duration.ofMillis(10));
            List<CompletableFuture<Api.Response>> inFlight = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
            long sigtermA;
            long exitA;
            long sigtermB;
            long exitB;
            int exitCodeA;
            int exitCodeB;
            try {
                load.start();
                CompletableFuture.supplyAsync(() -> JarProcess.start(quickStart), starter).whenComplete((started, failure) -> {
                    if (failure != null) {
                        startingA2.completeExceptionally(failure);
                    }
                    else {
                        startingA2.complete(started);
                    }
                });
                long begin = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= begin).size() >= 150);

                // requests held in flight on A by a row lock, when A is told to stop
                Api directA = a.api();
                try (Connection blocker = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres",
                        "postgres")) {
                    blocker.setAutoCommit(false);
                    try (Statement lock = blocker.createStatement()) {
                        lock.execute("select id from pedidos where id = " + hotOrder + " for update");
                    }
                    for (int i = 0; i < IN_FLIGHT; i++) {
                        int index = i;
                        inFlight.add(CompletableFuture.supplyAsync(() -> directA.post("/api/orders/" + hotOrder + "/items")
                                .token(hotOwner.token()).json(Map.of("name", "in flight " + index, "quantity", 1,
                                        "unit_price", 2.5)).send(), clients));
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(blocker) >= IN_FLIGHT);
                    sigtermA = System.nanoTime();
                    a.terminate();
                    JarProcess stopping = a;
                    await().atMost(Duration.ofSeconds(30)).until(() -> stopping.log().contains("Commencing graceful shutdown"));
                    // the load keeps going while A drains; then the lock goes and the held requests finish
                    long draining = System.nanoTime();
                    await().atMost(Duration.ofSeconds(30)).until(() -> ledger.calls(c -> c.started >= draining).size() >= 40);
                    blocker.rollback();
                }
                exitCodeA = a.awaitExit(Duration.ofSeconds(45));
                exitA = System.nanoTime();
                balancer.remove("A");

                a2 = startingA2.get();
                balancer.add("A2", a2.api());
                long a2Joined = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> ledger.calls(c -> c.started >= a2Joined
                        && c.via.equals("A2") && c.ok()).size() >= 20);

                sigtermB = System.nanoTime();
                b.terminate();
                exitCodeB = b.awaitExit(Duration.ofSeconds(45));
                exitB = System.nanoTime();
                balancer.remove("B");
                long alone = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> ledger.calls(c -> c.started >= alone).size() >= 100);
            }
            finally {
                load.stop();
                clients.shutdown();
            }

            List<Api.Response> held = new ArrayList<>();
            for (CompletableFuture<Api.Response> request : inFlight) {
                held.add(request.get());
            }
            int reads = ledger.readBack(a2.api(), "read-back");

            // a logical operation is the chain of attempts for one request; its last attempt is what the client got
            Map<Long, Call> lastAttempt = new java.util.LinkedHashMap<>();
            for (Call call : ledger.calls()) {
                lastAttempt.put(call.operation, call);
            }
            List<Call> failedOperations = lastAttempt.values().stream().filter(c -> !c.ok()).toList();
            List<Call> retried = ledger.calls(c -> !c.ok());
            figures.record("load", Ledger.Stats.of(ledger.calls()));
            figures.record("attempts that failed over", balancer.failovers() + " (" + Ledger.Stats.of(retried).answers()
                    + ")");
            figures.record("SIGTERM to A -> exit", (exitA - sigtermA) / 1_000_000 + " ms, exit code " + exitCodeA);
            figures.record("SIGTERM to B -> exit", (exitB - sigtermB) / 1_000_000 + " ms, exit code " + exitCodeB);
            figures.record("requests in flight on A at SIGTERM", held.stream().map(Api.Response::status).toList());
            figures.record("calls answered by A / B / A2", ledger.calls(c -> c.via.equals("A")).size() + " / "
                    + ledger.calls(c -> c.via.equals("B")).size() + " / " + ledger.calls(c -> c.via.equals("A2")).size());
            figures.record("client operations that ended without success", failedOperations.size());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(exitCodeA).as("exit code of A").isZero();
            soft.assertThat(exitCodeB).as("exit code of B").isZero();
            soft.assertThat(held).as("requests in flight on A").allSatisfy(r -> assertThat(r.status()).as("%s", r)
                    .isEqualTo(201));
            soft.assertThat(failedOperations).as("client operations that ended without success").isEmpty();
            soft.assertThat(balancer.failovers()).as("requests sent elsewhere").isPositive();
            soft.assertThat(a.log()).contains("Graceful shutdown complete");
            soft.assertThat(b.log()).contains("Graceful shutdown complete");
            try (Connection db = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
                Ledger.Verdict verdict = ledger.verify(db);
                figures.record("ledger", verdict);
                figures.record("orders read back through A2", reads);
                soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
                try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(
                        "select count(*), sum(subtotal), (select total from pedidos where id = " + hotOrder
                                + ") from itens where pedido_id = " + hotOrder)) {
                    result.next();
                    soft.assertThat(result.getInt(1)).as("items on the held order").isEqualTo(1 + IN_FLIGHT);
                    soft.assertThat(result.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("11.00"));
                    soft.assertThat(result.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal("11.00"));
                }
                soft.assertThat(Ledger.ordersWhoseTotalDiffersFromTheirLines(db)).isZero();
            }
            soft.assertAll();
        }
        finally {
            starter.shutdown();
            for (JarProcess process : new JarProcess[] { a, b, a2 }) {
                if (process != null) {
                    process.close();
                }
            }
            for (CompletableFuture<JarProcess> starting : List.of(startingA, startingB, startingA2)) {
                if (!starting.isDone()) {
                    starting.thenAccept(JarProcess::close);
                }
            }
        }
    }

    private static int waitingOnLocks(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            result.next();
            return result.getInt(1);
        }
    }
}
