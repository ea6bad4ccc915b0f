package org.ordersystem.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.StreamingReplica;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;
import org.ordersystem.system.data.ReadReplica;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads on a real streaming replica: a private PostgreSQL primary and hot standby
 * ({@link StreamingReplica}), the service started on both (DATABASE_URL, DATABASE_REPLICA_URL).
 */
@ExtendWith(TestServicesExtension.class)
class ReadReplicaTests {

    static final Duration MAX_LAG = Duration.ofSeconds(2);

    static StreamingReplica databases;
    static AppInstance app;
    static Api api;
    static Accounts accounts;

    @BeforeAll
    static void startDatabasesAndService() {
        databases = StreamingReplica.start();
        app = start();
        api = app.api();
        accounts = new Accounts(api);
        awaitUsable();
    }

    /** An instance of the service on the primary and standby, sharing a Redis database of its own with the others. */
    static AppInstance start() {
        String redis = TestServices.get().redisUrl().replaceAll("/0$", "/3");
        return AppInstance.startOn(databases.primaryUrl(), redis, "DATABASE_REPLICA_URL=" + databases.standbyUrl(),
                "DATABASE_REPLICA_MAX_LAG=" + MAX_LAG.toSeconds() + "s", "DATABASE_REPLICA_POOL_SIZE=4",
                "ADMIN_EMAIL=" + Accounts.ADMIN_EMAIL, "ADMIN_PASSWORD=" + Accounts.ADMIN_PASSWORD,
                "RATELIMIT_DEFAULT=100000/hour", "CACHE_TYPE=none");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @AfterEach
    void replicaBackInService() {
        if (!"t".equals(safely(() -> databases.standbySql("select pg_is_in_recovery()")))) {
            databases.startStandby();
        }
        databases.resumeReplay();
        awaitUsable();
    }

    @Test
    void readOnlyTransactionsRunOnTheStandbyAndEverythingElseOnThePrimary() {
        DataSource dataSource = app.bean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate readOnly = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        TransactionTemplate readWrite = new TransactionTemplate(app.bean(PlatformTransactionManager.class));

        Boolean inReadOnly = readOnly.execute(status -> jdbc.queryForObject("select pg_is_in_recovery()",
                Boolean.class));
        Boolean inReadWrite = readWrite.execute(status -> jdbc.queryForObject("select pg_is_in_recovery()",
                Boolean.class));

        assertThat(inReadOnly).as("a read-only transaction runs on the standby").isTrue();
        assertThat(inReadWrite).as("a read-write transaction runs on the primary").isFalse();
        assertThat(jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class)).as("no transaction").isFalse();
    }

    @Test
    void theApiReadsFromTheStandbyOnceItHasReplayedTheCallersWrites() {
        Account user = accounts.newUser();
        long id = createOrder(user, "replicated");
        String written = databases.primaryPosition();
        await().atMost(Duration.ofSeconds(10)).until(() -> databases.replayed(written)
                && app.bean(ReadReplica.class).state().replayed() >= ReadReplica.Lsn.parse(written));

        double before = routed("replica", "usable");
        Api.Response list = api.get("/api/orders").token(user.token()).send();

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("content").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(routed("replica", "usable")).isGreaterThan(before);
    }

    @Test
    void aCallerReadsTheirOwnWriteAtOnceWhileTheStandbyReplaysNothing() {
        Account user = accounts.newUser();
        Account admin = accounts.admin();
        databases.pauseReplay();

        long id = createOrder(user, "fresh while paused");
        double ownWrites = routed("primary", "own_write");
        Api.Response mine = api.get("/api/orders").token(user.token()).send();

        assertThat(ids(mine)).as("the writer's own list, at once").contains(id);
        assertThat(routed("primary", "own_write")).isGreaterThan(ownWrites);
        assertThat(databases.standbySql("select count(*) from pedidos where id = " + id))
                .as("the standby has not replayed it").isEqualTo("0");

        // One order by id comes from the primary for anyone: what it loads fills the shared cache.
        Api.Response one = api.get("/api/orders/" + id).token(admin.token()).send();
        assertThat(one.status()).as(one.toString()).isEqualTo(200);

        // Another caller's list may be served by the standby, but only while it is within the bound:
        // once the paused replay is further behind than that, their reads go to the primary too.
        await().pollDelay(MAX_LAG.plusMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> !app.bean(ReadReplica.class).state().usable());
        Api.Response theirs = api.get("/api/orders?user_id=" + user.id()).token(admin.token()).send();
        assertThat(ids(theirs)).as("another caller's read after the bound").contains(id);
        assertThat(app.bean(ReadReplica.class).state().reason()).contains("behind");
    }

    @Test
    void aWriteOnOneInstanceKeepsTheCallersReadsOnThePrimaryOnAnother() {
        try (AppInstance other = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> other.bean(ReadReplica.class).state().usable());
            Account user = accounts.newUser();
            databases.pauseReplay();

            long id = createOrder(user, "written on one instance");
            Api.Response onTheOther = other.api().get("/api/orders").token(user.token()).send();

            assertThat(ids(onTheOther)).as("the writer's list on another instance, at once").contains(id);
            assertThat(databases.standbySql("select count(*) from pedidos where id = " + id)).isEqualTo("0");
        }
    }

    @Test
    void aStandbyStoppedUnderLoadFailsNoRequestAndIsUsedAgainWhenBack() throws Exception {
        List<Account> readers = List.of(accounts.newUser(), accounts.newUser(), accounts.newUser(),
                accounts.newUser());
        for (Account reader : readers) {
            createOrder(reader, "load");
        }
        String written = databases.primaryPosition();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.bean(ReadReplica.class).state().replayed() >= ReadReplica.Lsn.parse(written));
        // past the writers' own-write memory, so their reads go to the standby
        Thread.sleep(MAX_LAG.multipliedBy(2).plusSeconds(1).toMillis());

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(readers.size());
        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (Account reader : readers) {
            answers.add(clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (running.get()) {
                    statuses.add(api.get("/api/orders").token(reader.token()).send().status());
                }
                return statuses;
            }));
        }
        double onReplica = routed("replica", "usable");
        await().atMost(Duration.ofSeconds(10)).until(() -> routed("replica", "usable") > onReplica + 20);
        databases.stopStandby();
        Thread.sleep(2000);
        assertThat(api.get("/health/readiness").send().status()).as("readiness without the replica").isEqualTo(200);
        Api.Response health = api.get("/health").send();
        assertThat(health.json().get("components").get("replica").get("status").asText()).isEqualTo("DOWN");
        assertThat(api.get("/metrics").send().text()).containsPattern("(?m)^db_replica_usable\\{[^}]*\\} 0\\.0$")
                .containsPattern("(?m)^db_replica_lag_seconds\\{[^}]*\\} NaN$");
        running.set(false);
        clients.shutdown();

        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> answer : answers) {
            statuses.addAll(answer.get());
        }
        assertThat(statuses).hasSizeGreaterThan(40).containsOnly(200);

        databases.startStandby();
        awaitUsable();
        double back = routed("replica", "usable");
        assertThat(api.get("/api/orders").token(readers.get(0).token()).send().status()).isEqualTo(200);
        assertThat(routed("replica", "usable")).as("reads on the standby again").isGreaterThan(back);
        assertThat(api.get("/metrics").send().text()).containsPattern("(?m)^db_replica_usable\\{[^}]*\\} 1\\.0$");
    }

    private static long createOrder(Account user, String notes) {
        Api.Response created = api.post("/api/orders").token(user.token())
                .json(Map.of("notes", notes, "items", List.of(Map.of("name", "Part", "quantity", 1, "unit_price", 5))))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<Long> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(order -> ids.add(order.get("id").asLong()));
        return ids;
    }

    private static double routed(String target, String reason) {
        return app.bean(io.micrometer.core.instrument.MeterRegistry.class).counter("db_read_routing", "target", target,
                "reason", reason).count();
    }

    private static void awaitUsable() {
        await().atMost(Duration.ofSeconds(30)).until(() -> app.bean(ReadReplica.class).state().usable());
    }

    private static String safely(java.util.function.Supplier<String> query) {
        try {
            return query.get();
        }
        catch (IllegalStateException ex) {
            return null;
        }
    }
}
