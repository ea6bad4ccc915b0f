package org.ordersystem.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.ordersystem.resilience.Ledger.Call;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 2, second part: an instance that starts while Redis is unreachable (a deploy
 * during a Redis outage, or a Redis too slow to answer within the 200 ms connect timeout
 * at start-up) serves a mixed load without Redis, without leaking a Redis client (event
 * loop threads) per request, and moves its rate limiter and cache onto Redis once Redis
 * can be reached, without a restart.
 */
class RedisDownAtStartTests {

    /** Lettuce threads one instance may reasonably add while it serves (its own event loops). */
    static final int THREAD_ALLOWANCE = 8;

    @Test
    void anInstanceStartedWhileRedisIsUnreachableNeitherLeaksNorStaysOffRedis() throws Exception {
        Figures figures = new Figures("redis-down-at-start");
        int redisPort = Integer.parseInt(TestServices.get().redisUrl().replaceAll(".*:(\\d+)/\\d+$", "$1"));
        try (TcpProxy proxy = TcpProxy.to(redisPort)) {
            proxy.refuse(true);
            try (Node app = Node.start("REDIS_URL=" + Node.redisUrlVia(proxy.port()))) {
                Api api = app.api();
                List<Account> users = Workload.users(api, 2);
                long threadsBefore = lettuceThreads();
                Ledger ledger = new Ledger();
                try (Workload load = new Workload(ledger, Workload.Router.single("app", api), users,
                        Workload.Mix.mixed(), Duration.ZERO).start()) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.calls().size() >= 300);
                }
                long threadsAfter = lettuceThreads();
                long attempts = proxy.acceptedConnections();
                figures.record("calls while Redis was unreachable", ledger.stats(c -> true));
                figures.record("Lettuce threads before / after the calls", threadsBefore + " / " + threadsAfter);
                figures.record("connection attempts to Redis", attempts);

                proxy.refuse(false);
                long reachable = System.nanoTime();
                Account user = users.get(0);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    double fallbacks = Metrics.of(api).sum("ratelimit_fallback_total");
                    for (int i = 0; i < 5; i++) {
                        assertThat(api.get("/api/orders?size=1").token(user.token()).send().status()).isEqualTo(200);
                    }
                    assertThat(Metrics.of(api).sum("ratelimit_fallback_total")).isEqualTo(fallbacks);
                });
                figures.record("limiter on Redis, ms after Redis became reachable",
                        (System.nanoTime() - reachable) / 1_000_000);
                await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(api.get("/health").send().json()
                        .at("/components/redis/status").asString()));

                SoftAssertions soft = new SoftAssertions();
                for (Call call : ledger.calls()) {
                    soft.assertThat(call.ok()).as("answer to %s", call).isTrue();
                }
                soft.assertThat(threadsAfter - threadsBefore).as("Lettuce threads added by %s calls",
                        ledger.calls().size()).isLessThanOrEqualTo(THREAD_ALLOWANCE);
                soft.assertThat(RedisCli.keys(redisPort, "order-backend:rl:v1:*")).as("buckets in Redis").isNotEmpty();
                try (Connection db = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
                    Ledger.Verdict verdict = ledger.verify(db);
                    figures.record("ledger", verdict);
                    soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
                }
                soft.assertAll();
            }
        }
    }

    private static long lettuceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("lettuce")).count();
    }
}
