package org.ordersystem.resilience;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Scenario 5: load far above capacity on the packaged jar, run as production runs it
 * (its own JVM, 256 MB heap), with a small pool (5 + 5). A steady baseline of 4 clients,
 * then 250 clients with no think time, then 4 clients again. Under overload every request
 * is answered (2xx, or 503 SERVICE_UNAVAILABLE with Retry-After) within the design's 5 s
 * ceiling, the service doing at least half its baseline work; the heap stays within its
 * limit and, after a collection, near where it was; the pool is at rest as soon as the load
 * stops; and the service answers the light load again at once, as fast as before.
 */
class OverloadIT {

    static final int CLIENTS = 250;
    static final Duration OVERLOAD = Duration.ofSeconds(12);
    /**
     * The design's ceiling for any request (no request waits longer than the connection
     * timeout, at most 5 s): a service that sheds load answers within it however many clients
     * queue; one that only queues makes each wait about clients / throughput.
     */
    static final long WAIT_BOUND_MS = 5000;
    static final Set<Integer> OVERLOAD_ANSWERS = Set.of(200, 201, 503);
    private static final Pattern PID = Pattern.compile("with PID (\\d+)");

    @Test
    void loadFarAboveCapacityIsAnsweredWithinABoundAndTheServiceRecoversAtOnce() throws Exception {
        Figures figures = new Figures("overload");
        try (JarProcess app = JarProcess.start(Map.of("DATABASE_POOL_SIZE", "5", "DATABASE_MAX_OVERFLOW", "5",
                "RATELIMIT_DEFAULT", "100000000/hour"))) {
            Api api = app.api();
            long pid = pid(app.log());
            List<Account> users = Workload.users(api, 10);
            Ledger ledger = new Ledger();

            long baselineFrom = System.nanoTime();
            run(ledger, api, users.subList(0, 4), c -> c >= 400, null);
            long overloadFrom = System.nanoTime();
            double heapBefore = heapAfterCollection(api, pid);
            Metrics.Pool poolBefore = Metrics.of(api).pool();

            List<Account> crowd = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                crowd.add(users.get(i % users.size()));
            }
            List<String> samples = new ArrayList<>();
            double[] peaks = new double[2];
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        Metrics metrics = Metrics.of(api);
                        Metrics.Pool pool = metrics.pool();
                        peaks[0] = Math.max(peaks[0], metrics.heapUsedMiB());
                        peaks[1] = Math.max(peaks[1], pool.pending());
                        samples.add(Math.round(metrics.heapUsedMiB()) + "MiB/" + pool.active() + "a/" + pool.pending() + "p");
                    }
                    catch (RuntimeException ex) {
                        samples.add("metrics failed: " + ex.getClass().getSimpleName());
                    }
                    Workload.pause(Duration.ofMillis(500));
                }
            }, "overload-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long overloadStarted = System.nanoTime();
            try {
                run(ledger, api, crowd, c -> System.nanoTime() - overloadStarted >= OVERLOAD.toNanos(), null);
            }
            finally {
                sampling.set(false);
                sampler.join(TimeUnit.SECONDS.toMillis(30));
            }
            long recoveryFrom = System.nanoTime();

            // the pool is at rest as soon as the crowd is gone
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.of(api).pool().atRest());
            long poolRestMs = (System.nanoTime() - recoveryFrom) / 1_000_000;
            Metrics.Pool poolAfter = Metrics.of(api).pool();
            long recoveryStarted = System.nanoTime();
            run(ledger, api, users.subList(0, 4), c -> c >= 400, null);
            long recoveryEnded = System.nanoTime();
            double heapAfter = heapAfterCollection(api, pid);
            double heapMax = Metrics.of(api).heapMaxMiB();

            Ledger.Stats baseline = ledger.stats(Ledger.startedBetween(baselineFrom, overloadFrom));
            List<Call> overloadCalls = ledger.calls(Ledger.startedBetween(overloadStarted, recoveryFrom));
            Ledger.Stats overload = Ledger.Stats.of(overloadCalls);
            Ledger.Stats recovery = ledger.stats(Ledger.startedBetween(recoveryStarted, Long.MAX_VALUE));
            double baselineRate = baseline.count() / seconds(overloadFrom - baselineFrom);
            double overloadRate = overload.count() / seconds(recoveryFrom - overloadStarted);
            double goodput = overloadCalls.stream().filter(Call::ok).count() / seconds(recoveryFrom - overloadStarted);
            double recoveryRate = recovery.count() / seconds(recoveryEnded - recoveryStarted);
            figures.record("baseline, 4 clients", baseline + String.format(", %.0f calls/s", baselineRate));
            figures.record("overload, " + CLIENTS + " clients for " + OVERLOAD.toSeconds() + " s",
                    overload + String.format(", %.0f calls/s answered, %.0f/s successful", overloadRate, goodput));
            figures.record("recovery, 4 clients", recovery + String.format(", %.0f calls/s", recoveryRate));
            figures.record("pool before / at rest after", poolBefore + " / " + poolAfter + " (" + poolRestMs
                    + " ms after the crowd left)");
            figures.record("peaks during overload: heap MiB, requests waiting for a connection",
                    Math.round(peaks[0]) + ", " + Math.round(peaks[1]));
            figures.record("heap after a full GC before / after the overload (MiB), limit", Math.round(heapBefore)
                    + " / " + Math.round(heapAfter) + ", " + Math.round(heapMax));
            figures.record("samples (heap/active/pending)", samples);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(baseline.count(a -> !a.startsWith("2"))).as("baseline answers %s", baseline).isZero();
            for (Call call : overloadCalls) {
                soft.assertThat(call.status).as("answer to %s", call).isIn(OVERLOAD_ANSWERS);
                if (call.status == 503) {
                    soft.assertThat(call.errorCode).as("%s", call).isEqualTo("SERVICE_UNAVAILABLE");
                    soft.assertThat(call.retryAfter).as("Retry-After on %s", call).isTrue();
                }
            }
            soft.assertThat(overload.max()).as("longest wait under overload: %s", overload)
                    .isLessThanOrEqualTo(WAIT_BOUND_MS);
            soft.assertThat(goodput).as("successful calls/s under overload vs baseline %.0f/s", baselineRate)
                    .isGreaterThanOrEqualTo(baselineRate * 0.5);
            soft.assertThat(recovery.count(a -> !a.startsWith("2"))).as("recovery answers %s", recovery).isZero();
            soft.assertThat(recovery.p99()).as("recovery p99 vs baseline %s", baseline)
                    .isLessThanOrEqualTo(2 * baseline.p99() + 100);
            soft.assertThat(poolAfter.atRest()).as("pool after %s", poolAfter).isTrue();
            soft.assertThat(poolAfter.total()).isLessThanOrEqualTo(poolAfter.max());
            soft.assertThat(peaks[0]).as("peak heap MiB").isLessThan(heapMax);
            soft.assertThat(heapAfter).as("heap after a full GC, MiB (before: %.0f)", heapBefore)
                    .isLessThanOrEqualTo(heapBefore + 64);
            soft.assertThat(app.log()).doesNotContain("OutOfMemoryError");
            soft.assertThat(api.get("/health/liveness").send().status()).isEqualTo(200);
            try (Connection db = DriverManager.getConnection(TestServices.get().jdbcUrl(), "postgres", "postgres")) {
                Ledger.Verdict verdict = ledger.verify(db);
                figures.record("ledger", verdict);
                soft.assertThat(verdict.problems()).as(verdict.toString()).isEmpty();
            }
            soft.assertAll();
        }
    }

    interface Until {
        boolean done(long calls);
    }

    private static void run(Ledger ledger, Api api, List<Account> clients, Until until, Workload.Mix mix) {
        long from = System.nanoTime();
        Workload load = new Workload(ledger, Workload.Router.single("app", api), clients,
                mix == null ? Workload.Mix.mixed() : mix, Duration.ZERO).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> until.done(ledger.calls(c -> c.started >= from).size()));
        }
        finally {
            load.stop();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Heap in use after a full collection in the application's JVM (jcmd GC.run). */
    private static double heapAfterCollection(Api api, long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Metrics.of(api).heapUsedMiB();
    }

    private static long pid(String log) {
        Matcher matcher = PID.matcher(log);
        assertThat(matcher.find()).as("the application logs its PID").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
