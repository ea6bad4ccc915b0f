package org.ordersystem.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * Scenario 2: Redis fails under a mixed load (orders placed, items added, orders read and
 * listed). The instance reaches Redis through a {@link TcpProxy}, so Redis can be stopped,
 * hung (the proxy holds every byte; or Redis itself paused with CLIENT PAUSE) or cut off
 * with its data intact (a partition). In every case: no 5xx, p99 latency during the fault
 * stays within the healthy p99 plus the Redis command timeout (100 ms) plus 50 ms, no
 * read shows less than its owner was acknowledged, and afterwards cache and rate limiter
 * use Redis again without a restart.
 */
class RedisFaultTests {

    static final long REDIS_TIMEOUT_MS = 100;
    static final long MARGIN_MS = 50;
    /** How long each fault lasts: about 300 calls, enough for a meaningful p99. */
    static final Duration FAULT = Duration.ofSeconds(7);

    static TcpProxy proxy;
    static Node app;
    static List<Account> users;
    static int redisPort;

    @BeforeAll
    static void start() {
        redisPort = Integer.parseInt(TestServices.get().redisUrl().replaceAll(".*:(\\d+)/\\d+$", "$1"));
        proxy = TcpProxy.to(redisPort);
        app = Node.start("REDIS_URL=" + Node.redisUrlVia(proxy.port()));
        users = Workload.users(app.api(), 4);
        // warm-up, so that the first test's baseline is not the JIT's
        Ledger warmUp = new Ledger();
        Workload load = new Workload(warmUp, Workload.Router.single("app", app.api()), users, Workload.Mix.mixed(),
                Duration.ZERO).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> warmUp.calls().size() >= 400);
        }
        finally {
            load.stop();
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        TestServices.get().startRedis();
    }

    @AfterEach
    void heal() {
        proxy.heal();
        TestServices.get().startRedis();
    }

    @Test
    void redisStoppedUnderLoad() throws Exception {
        run("redis-stopped", () -> TestServices.get().stopRedis(), () -> TestServices.get().startRedis());
    }

    @Test
    void redisHungBehindAStallingConnection() throws Exception {
        run("redis-hung-proxy-stall", proxy::stall, proxy::resume);
    }

    @Test
    void redisHungByClientPause() throws Exception {
        // Redis cannot be unpaused while paused (CLIENT UNPAUSE waits too): the pause outlasts the fault window a little
        run("redis-hung-client-pause", () -> RedisCli.call(redisPort, "CLIENT", "PAUSE",
                String.valueOf(FAULT.plusMillis(300).toMillis()), "ALL"),
                () -> await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                        .until(() -> "PONG".equals(RedisCli.call(redisPort, "PING"))));
    }

    /** Redis keeps running and keeps its data, but the instance cannot reach it for a while. */
    @Test
    void redisCutOffWithItsDataIntact() throws Exception {
        run("redis-partitioned", () -> {
            proxy.refuse(true);
            proxy.cut();
        }, () -> proxy.refuse(false));
    }

    private void run(String scenario, Runnable inject, Runnable heal) throws Exception {
        Figures figures = new Figures(scenario);
        Api api = app.api();
        Ledger ledger = new Ledger();
        Workload load = new Workload(ledger, Workload.Router.single("app", api), users, Workload.Mix.mixed(),
                Duration.ofMillis(10));
        long faultFrom;
        long faultTo;
        long healedAt;
        double fallbacksAtHeal;
        try {
            awaitRedisUp(api);
            long begin = System.nanoTime();
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= begin).size() >= 150);
            faultFrom = System.nanoTime();
            inject.run();
            await().atMost(FAULT.plusSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> System.nanoTime() - faultFrom >= FAULT.toNanos());
            figures.record("redis health during the fault", redisStatus(api));
            faultTo = System.nanoTime();
            heal.run();
            healedAt = System.nanoTime();
            fallbacksAtHeal = Metrics.of(api).sum("ratelimit_fallback_total");
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls(c -> c.started >= healedAt).size() >= 150);
        }
        finally {
            load.stop();
        }

        // Recovery: Redis reported UP, the limiter counts in Redis again, fresh orders are cached in Redis.
        long recoveryFrom = System.nanoTime();
        awaitRedisUp(api);
        Account user = users.get(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double fallbacks = Metrics.of(api).sum("ratelimit_fallback_total");
            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/orders?size=1").token(user.token()).send().status()).isEqualTo(200);
            }
            assertThat(Metrics.of(api).sum("ratelimit_fallback_total")).as("limiter falls back").isEqualTo(fallbacks);
        });
        long limiterBackMs = (System.nanoTime() - recoveryFrom) / 1_000_000;
        assertThat(RedisCli.keys(redisPort, "order-backend:rl:v1:*")).as("rate-limit buckets in Redis")
                .isNotEmpty();
        long orderId = api.post("/api/orders").token(user.token()).json(Map.of("notes", "cache probe"))
                .send().json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/orders/" + orderId).token(user.token()).send().status()).isEqualTo(200);
            assertThat(RedisCli.keys(redisPort, "order-backend:v2:orders::" + orderId)).as("order cached in Redis")
                    .isNotEmpty();
        });
        long cacheBackMs = (System.nanoTime() - recoveryFrom) / 1_000_000;
        // Reads skip the cache for a while after a failure; once they use it again, every order must read
        // back as acknowledged: an entry that a failed write left behind would now be served.
        Map<String, String> hits = Map.of("cache", "orders", "result", "hit");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            double before = Metrics.of(api).sum("cache_gets_total", hits);
            api.get("/api/orders/" + orderId).token(user.token()).send();
            return Metrics.of(api).sum("cache_gets_total", hits) > before;
        });
        long cacheReadBackMs = (System.nanoTime() - recoveryFrom) / 1_000_000;
        int reads = ledger.readBack(api, "read-back");

        Ledger.Stats baseline = ledger.stats(c -> c.started < faultFrom);
        Ledger.Stats fault = ledger.stats(Ledger.startedBetween(faultFrom, faultTo));
        Ledger.Stats after = ledger.stats(c -> c.started >= healedAt);
        // the healthy p99 is the noisier of the windows before and after the fault: the machine is shared
        long bound = Math.max(baseline.p99(), after.p99()) + REDIS_TIMEOUT_MS + MARGIN_MS;
        figures.record("baseline", baseline);
        figures.record("during the fault (" + (faultTo - faultFrom) / 1_000_000 + " ms)", fault);
        for (Ledger.Kind kind : Ledger.Kind.values()) {
            figures.record("  " + kind + " during the fault",
                    ledger.stats(Ledger.startedBetween(faultFrom, faultTo).and(Ledger.kind(kind))));
        }
        figures.record("after healing", after);
        figures.record("p99 bound (healthy p99 + Redis timeout + margin) ms", bound);
        figures.record("rate-limit fallbacks at heal", fallbacksAtHeal);
        figures.record("limiter back on Redis, ms after the load stopped", limiterBackMs);
        figures.record("order cache back on Redis, ms after the load stopped", cacheBackMs);
        figures.record("order cache read again (hits), ms after the load stopped", cacheReadBackMs);
        figures.record("orders read back", reads);

        SoftAssertions soft = new SoftAssertions();
        for (Call call : ledger.calls()) {
            soft.assertThat(call.ok()).as("answer to %s", call).isTrue();
        }
        soft.assertThat(fault.p99()).as("p99 during the fault: %s", fault).isLessThanOrEqualTo(bound);
        try (Connection db = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
            Ledger.Verdict verdict = ledger.verify(db);
            figures.record("ledger", verdict);
            soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
            soft.assertThat(verdict.acknowledgedOrders()).isPositive();
        }
        soft.assertAll();
    }

    private static void awaitRedisUp(Api api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(redisStatus(api)));
    }

    private static String redisStatus(Api api) {
        return api.get("/health").send().json().at("/components/redis/status").asString();
    }
}
