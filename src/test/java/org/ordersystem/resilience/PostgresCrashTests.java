package org.ordersystem.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.ordersystem.resilience.Ledger.Call;
import org.ordersystem.resilience.Ledger.Kind;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 1: PostgreSQL crashes ({@code pg_ctl stop -m immediate}) under a steady write load
 * and comes back. While it is away every API call is answered 503 SERVICE_UNAVAILABLE with
 * Retry-After within the connection timeout (3 s) plus a margin, readiness is DOWN and
 * liveness UP; when it returns the same instance serves again by itself; and the database
 * holds exactly what the ledger says was acknowledged. A client that retries its refused
 * orders with their Idempotency-Key ends with each order exactly once.
 */
class PostgresCrashTests {

    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(3000);
    static final Duration MARGIN = Duration.ofMillis(1500);
    static final Set<Integer> OUTAGE_ANSWERS = Set.of(200, 201, 304, 503);

    @Test
    void aCrashedDatabaseIsAnswered503QuicklyAndNothingAcknowledgedIsLost() throws Exception {
        Figures figures = new Figures("postgres-crash");
        TestServices services = TestServices.get();
        Ledger ledger = new Ledger();
        List<Api.Response> readiness = new ArrayList<>();
        List<Api.Response> liveness = new ArrayList<>();
        try (Node app = Node.start()) {
            Api api = app.api();
            List<Account> users = Workload.users(api, 4);
            Workload load = new Workload(ledger, Workload.Router.single("app", api), users, Workload.Mix.mixed(),
                    Duration.ofMillis(20));
            long crashAt;
            long restartAt;
            long dbReadyAt;
            long recoveredAt;
            try {
                load.start();
                long steadyFrom = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> count(ledger, created().and(after(steadyFrom))) >= 40);

                crashAt = System.nanoTime();
                services.crashPostgres();
                figures.record("crash", "pg_ctl stop -m immediate after " + count(ledger, created()) + " orders");
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    Api.Response probe = api.get("/health/readiness").send();
                    readiness.add(probe);
                    liveness.add(api.get("/health/liveness").send());
                    return probe.status() == 503;
                });
                // the outage lasts until every worker has been refused a few times
                await().atMost(Duration.ofSeconds(40)).until(() -> count(ledger, after(crashAt)
                        .and(c -> c.status == 503)) >= 12);
                liveness.add(api.get("/health/liveness").send());

                restartAt = System.nanoTime();
                services.startPostgres();
                dbReadyAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).until(() -> count(ledger, created().and(after(dbReadyAt))) > 0);
                recoveredAt = ledger.calls(created().and(after(dbReadyAt))).get(0).ended;
                await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/readiness").send().status() == 200);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(ledger, created().and(after(restartAt))) >= 30);
            }
            finally {
                load.stop();
                services.startPostgres();
            }

            List<Call> before = ledger.calls(c -> c.ended < crashAt);
            // everything the crash touched: in flight at the crash, or sent while PostgreSQL was away
            List<Call> affected = ledger.calls(c -> c.ended >= crashAt && c.started < restartAt);
            List<Call> sentDuringOutage = ledger.calls(Ledger.startedBetween(crashAt, restartAt));
            Ledger.Stats after = ledger.stats(Ledger.startedBetween(recoveredAt, Long.MAX_VALUE));
            figures.record("before the crash", Ledger.Stats.of(before));
            figures.record("in flight at the crash or sent during the outage", Ledger.Stats.of(affected));
            figures.record("sent during the outage", Ledger.Stats.of(sentDuringOutage));
            figures.record("outage length ms", (restartAt - crashAt) / 1_000_000);
            figures.record("PostgreSQL restart (crash recovery) ms", (dbReadyAt - restartAt) / 1_000_000);
            figures.record("first order acknowledged, ms after PostgreSQL was back", (recoveredAt - dbReadyAt) / 1_000_000);
            figures.record("after recovery", after);
            figures.record("readiness probes during outage", readiness.stream().map(Api.Response::status).toList());
            figures.record("liveness probes during outage", liveness.stream().map(Api.Response::status).toList());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(before).as("answers before the crash").allSatisfy(c -> assertThat(c.ok()).as("%s", c).isTrue());
            soft.assertThat(sentDuringOutage).as("calls sent during the outage").isNotEmpty();
            for (Call call : affected) {
                soft.assertThat(call.status).as("answer to %s", call).isIn(OUTAGE_ANSWERS);
                if (call.status == 503) {
                    soft.assertThat(call.errorCode).as("%s", call).isEqualTo("SERVICE_UNAVAILABLE");
                    soft.assertThat(call.retryAfter).as("Retry-After on %s", call).isTrue();
                    soft.assertThat(call.problemJson).as("problem+json on %s", call).isTrue();
                }
            }
            for (Call call : sentDuringOutage) {
                soft.assertThat(call.latencyMillis()).as("latency of %s", call)
                        .isLessThanOrEqualTo(CONNECTION_TIMEOUT.plus(MARGIN).toMillis());
            }
            soft.assertThat(readiness).as("readiness during the outage").last()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(503))
                    .satisfies(r -> assertThat(r.field("status")).isEqualTo("DOWN"));
            soft.assertThat(liveness).as("liveness during the outage")
                    .allSatisfy(r -> assertThat(r.status()).as("liveness %s", r).isEqualTo(200));
            soft.assertThat(after.count(answer -> !answer.startsWith("2"))).as("answers after recovery: %s", after)
                    .isZero();

            // The client retries each refused order with its Idempotency-Key, as Retry-After invites it to.
            int retried = 0;
            int replayed = 0;
            for (Map.Entry<String, List<Call>> refused : unacknowledgedCreates(ledger).entrySet()) {
                Call first = refused.getValue().get(0);
                Call retry = ledger.begin(Kind.CREATE, first.key, 0, first.lines, "retry", first.token);
                Api.Response response = api.post("/api/orders").token(first.token)
                        .header("Idempotency-Key", first.key).json(Workload.createBody(first.key, first.lines)).send();
                ledger.answered(retry, response);
                soft.assertThat(response.status()).as("retry of %s: %s", first.key, response).isEqualTo(201);
                retried++;
                if ("true".equals(response.header("Idempotent-Replayed"))) {
                    replayed++;
                }
            }
            figures.record("refused orders retried with their Idempotency-Key", retried);
            figures.record("of which had committed although the client was not told so (replayed)", replayed);
            int reads = ledger.readBack(api, "read-back");

            try (Connection db = DriverManager.getConnection(services.jdbcUrl(), "postgres", "postgres")) {
                Ledger.Verdict verdict = ledger.verify(db);
                figures.record("ledger", verdict);
                figures.record("orders read back after recovery", reads);
                soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
                soft.assertThat(verdict.acknowledgedOrders()).isGreaterThanOrEqualTo(70);
                soft.assertThat(Ledger.ordersWhoseTotalDiffersFromTheirLines(db)).isZero();
            }
            soft.assertAll();
        }
        finally {
            services.startPostgres();
        }
    }

    private static Map<String, List<Call>> unacknowledgedCreates(Ledger ledger) {
        Map<String, List<Call>> byKey = new java.util.LinkedHashMap<>();
        ledger.calls(Ledger.kind(Kind.CREATE)).forEach(c -> byKey.computeIfAbsent(c.key, k -> new ArrayList<>()).add(c));
        byKey.values().removeIf(calls -> calls.stream().anyMatch(c -> c.status == 201));
        return byKey;
    }

    private static Predicate<Call> created() {
        return c -> c.kind == Kind.CREATE && c.status == 201;
    }

    private static Predicate<Call> after(long nanos) {
        return c -> c.started >= nanos;
    }

    private static long count(Ledger ledger, Predicate<Call> filter) {
        return ledger.calls(filter).size();
    }
}
