package org.ordersystem.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas, each answering cached reads from its own near cache, against one
 * PostgreSQL and one Redis. The promise (system/cache/InvalidationBus): once the response
 * to a write has arrived, no replica answers with the old value, while readers keep every
 * replica's copy warm; and with Redis gone, no replica serves its copy for more than the
 * lease (one second).
 */
@ExtendWith(TestServicesExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class NearCacheCoherenceTests {

    static List<AppInstance> replicas;

    @BeforeAll
    static void startReplicas() {
        String[] settings = { "RATELIMIT_DEFAULT=100000/minute", "ADMIN_EMAIL=" + Accounts.ADMIN_EMAIL,
                "ADMIN_PASSWORD=" + Accounts.ADMIN_PASSWORD };
        replicas = List.of(AppInstance.start(settings), AppInstance.start(settings), AppInstance.start(settings));
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(AppInstance::close);
    }

    @Test
    void everyReplicaReadsEachOrderChangeOnceItsResponseHasArrived() throws Exception {
        Account user = new Accounts(replicas.get(0).api()).newUser();
        long id = replicas.get(0).api().post("/api/orders").token(user.token()).json(Map.of("notes", "v0")).send()
                .json().get("id").asLong();
        try (Warmer warmer = new Warmer("/api/orders/" + id, user.token())) {
            for (int version = 1; version <= 30; version++) {
                String notes = "v" + version;
                Api.Response written = replicas.get(version % 3).api().patch("/api/orders/" + id)
                        .token(user.token()).json(Map.of("notes", notes)).send();
                assertThat(written.status()).isEqualTo(200);
                for (AppInstance replica : replicas) {
                    assertThat(replica.api().get("/api/orders/" + id).token(user.token()).send().field("notes"))
                            .as("replica on port %d after write %d", replica.port(), version).isEqualTo(notes);
                }
            }
        }
        assertThat(replicas.get(1).api().delete("/api/orders/" + id).token(user.token()).send().status())
                .isEqualTo(204);
        for (AppInstance replica : replicas) {
            assertThat(replica.api().get("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(404);
        }
    }

    @Test
    void everyReplicaCountsAnAccountsOrdersAfreshOnceAPlacementOrDeletionHasArrived() throws Exception {
        Account user = new Accounts(replicas.get(0).api()).newUser();
        for (int i = 0; i < 3; i++) {
            place(user, replicas.get(0));
        }
        // pages of one order: full, so their total is a count, kept per owner on each replica
        String page = "/api/orders?size=1";
        try (Warmer warmer = new Warmer(page, user.token())) {
            long expected = 3;
            for (int round = 1; round <= 20; round++) {
                AppInstance writer = replicas.get(round % 3);
                if (round % 4 == 0) {
                    long id = writer.api().get(page).token(user.token()).send().json().at("/content/0/id").asLong();
                    assertThat(writer.api().delete("/api/orders/" + id).token(user.token()).send().status())
                            .isEqualTo(204);
                    expected--;
                }
                else {
                    place(user, writer);
                    expected++;
                }
                for (AppInstance replica : replicas) {
                    assertThat(replica.api().get(page).token(user.token()).send().json().at("/page/total_elements")
                            .asLong()).as("replica on port %d after round %d", replica.port(), round)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static void place(Account user, AppInstance replica) {
        assertThat(replica.api().post("/api/orders").token(user.token()).json(Map.of("notes", "counted")).send()
                .status()).isEqualTo(201);
    }

    @Test
    void everyReplicaHonoursAnAccountChangeOnceItsResponseHasArrived() throws Exception {
        Account user = new Accounts(replicas.get(0).api()).newUser();
        Account admin = new Accounts(replicas.get(0).api()).admin();
        try (Warmer warmer = new Warmer("/api/users/me", user.token())) {
            for (int round = 0; round < 5; round++) {
                assertThat(replicas.get(round % 3).api().post("/api/users/" + user.id() + "/deactivate")
                        .token(admin.token()).send().status()).isEqualTo(200);
                for (AppInstance replica : replicas) {
                    Api.Response refused = replica.api().get("/api/users/me").token(user.token()).send();
                    assertThat(refused.field("error_code")).as("round %d", round).isEqualTo("ACCOUNT_DEACTIVATED");
                }
                assertThat(replicas.get((round + 1) % 3).api().post("/api/users/" + user.id() + "/activate")
                        .token(admin.token()).send().status()).isEqualTo(200);
                for (AppInstance replica : replicas) {
                    // deactivation ended the user's sessions: the token stays refused
                    assertThat(replica.api().get("/api/users/me").token(user.token()).send().status())
                            .as("round %d", round).isEqualTo(401);
                }
            }
        }
        String token = new Accounts(replicas.get(0).api()).login(user.email(), Accounts.PASSWORD);
        for (AppInstance replica : replicas) {
            assertThat(replica.api().get("/api/users/me").token(token).send().status()).isEqualTo(200);
        }
        assertThat(replicas.get(2).api().post("/api/auth/logout").token(token).json(Map.of()).send().status())
                .isEqualTo(204);
        for (AppInstance replica : replicas) {
            assertThat(replica.api().get("/api/users/me").token(token).send().field("error_code"))
                    .isEqualTo("TOKEN_INVALID");
        }
    }

    /**
     * First, so that the other tests also show that coherence holds again after Redis returned.
     * With Redis gone the write cannot be announced; no replica renews its lease, so within a
     * second every one reads the database, and stays there.
     */
    @Test
    @Order(1)
    void withRedisGoneEveryReplicaReadsTheDatabaseWithinTheLease() throws InterruptedException {
        Account user = new Accounts(replicas.get(0).api()).newUser();
        long id = replicas.get(0).api().post("/api/orders").token(user.token()).json(Map.of("notes", "before"))
                .send().json().get("id").asLong();
        for (AppInstance replica : replicas) {
            assertThat(replica.api().get("/api/orders/" + id).token(user.token()).send().field("notes"))
                    .isEqualTo("before");
        }
        TestServices.get().stopRedis();
        long stopped = System.nanoTime();
        try {
            assertThat(replicas.get(0).api().patch("/api/orders/" + id).token(user.token())
                    .json(Map.of("notes", "during")).send().status()).isEqualTo(200);
            // once the lease has run out (a second after the last heartbeat that got through), and
            // for the rest of the outage, no replica answers from its copy
            Thread.sleep(Math.max(0, Duration.ofMillis(1200).minusNanos(System.nanoTime() - stopped).toMillis()));
            long checked = System.nanoTime();
            while (System.nanoTime() - checked < Duration.ofSeconds(2).toNanos()) {
                for (AppInstance replica : replicas) {
                    assertThat(replica.api().get("/api/orders/" + id).token(user.token()).send().field("notes"))
                            .isEqualTo("during");
                }
            }
        }
        finally {
            TestServices.get().startRedis();
        }
    }

    /** Reads one path through every replica, over and over, until closed; every read must succeed. */
    private static final class Warmer implements AutoCloseable {

        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Warmer(String path, String token) {
            this.thread = new Thread(() -> {
                while (reading.get()) {
                    for (AppInstance replica : replicas) {
                        int status = replica.api().get(path).token(token).send().status();
                        if (status != 200 && status != 401 && status != 403) {
                            failures.add("a warming read answered " + status);
                        }
                    }
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            reading.set(false);
            thread.join();
            assertThat(failures).isEmpty();
        }
    }
}
