package org.ordersystem.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.resilience.Ledger.Call;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3: the network between the instance and PostgreSQL goes bad under load. The
 * instance reaches PostgreSQL through a {@link TcpProxy} that first adds latency, then cuts
 * every connection (reset); in a second run it holds every byte for longer than the
 * connection timeout (a black hole) before letting traffic through again. Requests are
 * answered (2xx, or 503 SERVICE_UNAVAILABLE with Retry-After, never another 5xx) within the
 * bounds of the design, the pool replaces what was lost and, once the load stops, is back at
 * rest with every connection idle and no socket left open beyond the pool's own.
 */
class SlowDatabaseNetworkTests {

    static final Duration ONE_WAY_DELAY = Duration.ofMillis(40);
    static final long CONNECTION_TIMEOUT_MS = 3000;
    /** The design's ceiling: no request hangs longer than the connection timeout, at most 5 s. */
    static final long HANG_CEILING_MS = 5000;
    static final long MARGIN_MS = 500;
    static final Set<Integer> FAULT_ANSWERS = Set.of(200, 201, 304, 503);
    static final Duration BLACK_HOLE = Duration.ofSeconds(8);

    static TcpProxy proxy;
    static Node app;
    static List<Account> users;

    @BeforeAll
    static void start() {
        int postgresPort = Integer.parseInt(TestServices.get().jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        proxy = TcpProxy.to(postgresPort);
        app = Node.start("DATABASE_URL=" + Node.databaseUrlVia(proxy.port()));
        users = Workload.users(app.api(), 4);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    @Test
    void latencyThenCutConnections() throws Exception {
        Figures figures = new Figures("db-network-latency-then-cut");
        Api api = app.api();
        Ledger ledger = new Ledger();
        Workload load = new Workload(ledger, Workload.Router.single("app", api), users, Workload.Mix.mixed(),
                Duration.ofMillis(10));
        long slowFrom;
        long cutAt;
        long healedAt;
        int cut;
        try {
            long begin = System.nanoTime();
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= begin).size() >= 100);
            slowFrom = System.nanoTime();
            proxy.delay(ONE_WAY_DELAY);
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= slowFrom).size() >= 60);
            figures.record("pool while slow", Metrics.of(api).pool());
            cutAt = System.nanoTime();
            cut = proxy.cut();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= cutAt).size() >= 20);
            healedAt = System.nanoTime();
            proxy.heal();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= healedAt).size() >= 100);
        }
        finally {
            load.stop();
        }
        figures.record("connections cut", cut);
        check(figures, ledger, api, List.of(new Window("baseline", 0, slowFrom),
                new Window("one-way delay " + ONE_WAY_DELAY.toMillis() + " ms", slowFrom, cutAt),
                new Window("after the cut, still slow", cutAt, healedAt),
                new Window("healed", healedAt, Long.MAX_VALUE)), cutAt, healedAt);
    }

    @Test
    void blackHoleLongerThanTheConnectionTimeout() throws Exception {
        Figures figures = new Figures("db-network-black-hole");
        Api api = app.api();
        Ledger ledger = new Ledger();
        Workload load = new Workload(ledger, Workload.Router.single("app", api), users, Workload.Mix.mixed(),
                Duration.ofMillis(10));
        long stallFrom;
        long healedAt;
        try {
            long begin = System.nanoTime();
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= begin).size() >= 100);
            stallFrom = System.nanoTime();
            proxy.stall();
            // longer than the connection timeout and the design's 5 s ceiling
            await().atMost(BLACK_HOLE.plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> System.nanoTime() - stallFrom >= BLACK_HOLE.toNanos());
            figures.record("pool in the black hole", Metrics.of(api).pool());
            healedAt = System.nanoTime();
            proxy.heal();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= healedAt).size() >= 100);
        }
        finally {
            load.stop();
        }
        figures.record("black hole ms", (healedAt - stallFrom) / 1_000_000);
        check(figures, ledger, api, List.of(new Window("baseline", 0, stallFrom),
                new Window("black hole", stallFrom, healedAt), new Window("healed", healedAt, Long.MAX_VALUE)),
                stallFrom, healedAt);
    }

    private record Window(String name, long from, long to) {
    }

    private void check(Figures figures, Ledger ledger, Api api, List<Window> windows, long faultFrom, long healedAt)
            throws Exception {
        for (Window window : windows) {
            figures.record(window.name(), ledger.stats(Ledger.startedBetween(window.from(), window.to())));
        }
        // The pool is at rest once the load has stopped: nothing active or waiting, and no socket
        // open through the proxy that the pool does not account for.
        long restFrom = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Metrics.Pool pool = Metrics.of(api).pool();
            assertThat(pool.atRest()).as("%s", pool).isTrue();
            assertThat(proxy.openConnections()).as("sockets through the proxy, pool %s", pool).isEqualTo(pool.total());
        });
        Metrics.Pool pool = Metrics.of(api).pool();
        figures.record("pool at rest after the load", pool + " after " + (System.nanoTime() - restFrom) / 1_000_000
                + " ms; sockets through the proxy " + proxy.openConnections() + "; connections accepted in all "
                + proxy.acceptedConnections());
        int reads = ledger.readBack(api, "read-back");
        figures.record("orders read back", reads);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(pool.total()).as("pool size").isLessThanOrEqualTo(pool.max());
        soft.assertThat(pool.idle()).as("idle connections").isEqualTo(pool.total());
        for (Call call : ledger.calls()) {
            boolean duringFault = call.ended >= faultFrom && call.started < healedAt;
            if (duringFault) {
                soft.assertThat(call.status).as("answer to %s", call).isIn(FAULT_ANSWERS);
                if (call.status == 503) {
                    soft.assertThat(call.errorCode).as("%s", call).isEqualTo("SERVICE_UNAVAILABLE");
                    soft.assertThat(call.retryAfter).as("Retry-After on %s", call).isTrue();
                }
                soft.assertThat(call.latencyMillis()).as("latency of %s", call)
                        .isLessThanOrEqualTo(HANG_CEILING_MS + MARGIN_MS);
            }
            else if (call.started >= healedAt + Duration.ofSeconds(1).toNanos() || call.ended < faultFrom) {
                soft.assertThat(call.ok()).as("answer to %s", call).isTrue();
            }
        }
        try (Connection db = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
            Ledger.Verdict verdict = ledger.verify(db);
            figures.record("ledger", verdict);
            soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
            soft.assertThat(verdict.acknowledgedOrders()).isPositive();
        }
        soft.assertAll();
    }
}
