package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.support.TestServices;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Racing writers and repeated requests against the running application and real PostgreSQL. */
@IntegrationTest
class OrderConcurrencyTests {

    private final Api api;
    private final Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    OrderConcurrencyTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void fortyConcurrentItemAdditionsLeaveFortyItemsAndTheRightTotal() throws Exception {
        Account alice = accounts.newUser();
        long id = api.post("/api/orders").token(alice.token()).json(Map.of()).send().json().get("id").asLong();

        List<Api.Response> responses = race(40, i -> api.post("/api/orders/" + id + "/items").token(alice.token())
                .json(Map.of("name", "Part " + i, "quantity", i + 1, "unit_price", 1.25)).send());

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        JsonNode order = api.get("/api/orders/" + id).token(alice.token()).send().json();
        assertThat(order.get("item_count").asInt()).isEqualTo(40);
        // sum of (i + 1) * 1.25 for i in 0..39 = 820 * 1.25
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("1025.00");
        assertThat(jdbc.queryForObject("select sum(subtotal) from itens where pedido_id = ?", BigDecimal.class, id))
                .isEqualByComparingTo("1025.00");
    }

    @Test
    void racingConfirmAndCancelLeaveOneLegalHistory() throws Exception {
        Account alice = accounts.newUser();
        for (int round = 0; round < 5; round++) {
            long id = api.post("/api/orders").token(alice.token())
                    .json(Map.of("items", List.of(Map.of("name", "A", "quantity", 1, "unit_price", 1)))).send()
                    .json().get("id").asLong();

            List<Api.Response> responses = race(2, i -> api.patch("/api/orders/" + id + "/status")
                    .token(alice.token()).json(Map.of("status", i == 0 ? "CONFIRMED" : "CANCELLED")).send());

            assertThat(responses).extracting(Api.Response::status).allSatisfy(s -> assertThat(s).isIn(200, 409));
            JsonNode history = api.get("/api/orders/" + id + "/history").token(alice.token()).send().json();
            List<String> path = new ArrayList<>();
            history.forEach(entry -> path.add(entry.get("from_status").asString(null) + ">" + entry.get("to_status").asString()));
            assertThat(path).isIn(List.of("null>PENDING", "PENDING>CONFIRMED", "CONFIRMED>CANCELLED"),
                    List.of("null>PENDING", "PENDING>CANCELLED"));
        }
    }

    @Test
    void repeatedIdempotencyKeyReplaysTheFirstResponseAndCreatesNothing() {
        Account alice = accounts.newUser();
        Map<String, Object> body = Map.of("items", List.of(Map.of("name", "A", "quantity", 2, "unit_price", 3)));

        Api.Response first = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "key-1").json(body)
                .send();
        Api.Response second = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "key-1")
                .json(body).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ordersOf(alice)).isEqualTo(1);

        Api.Response different = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "key-1")
                .json(Map.of("notes", "other")).send();
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.field("error_code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ordersOf(alice)).isEqualTo(1);
    }

    @Test
    void aReplayAnswersTheFirstLocationAndEtagEvenAfterTheOrderWasDeleted() {
        Account alice = accounts.newUser();
        Api.Response first = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "then-deleted")
                .json(Map.of()).send();
        assertThat(api.delete(first.header("Location")).token(alice.token()).send().status()).isEqualTo(204);

        Api.Response replay = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "then-deleted")
                .json(Map.of()).send();

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(replay.text()).isEqualTo(first.text());
    }

    @Test
    void keysAreScopedPerUser() {
        Account alice = accounts.newUser();
        Account bob = accounts.newUser();

        api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "shared").json(Map.of()).send();
        Api.Response bobs = api.post("/api/orders").token(bob.token()).header("Idempotency-Key", "shared")
                .json(Map.of("notes", "bob")).send();

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(bobs.json().get("user_id").asLong()).isEqualTo(bob.id());
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIsAnswered409() throws Exception {
        Account alice = accounts.newUser();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class,
                    IdempotencyKeys.lockId(alice.id(), "busy-key"));
            locked.countDown();
            try {
                answered.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            await(locked);
            Api.Response response = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "busy-key")
                    .json(Map.of()).send();
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.field("error_code")).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
            assertThat(ordersOf(alice)).isZero();
        }
        finally {
            answered.countDown();
        }
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyCreateExactlyOneOrderEvenWithRedisDown() throws Exception {
        Account alice = accounts.newUser();
        TestServices.get().stopRedis();
        try {
            List<Api.Response> responses = race(20, i -> api.post("/api/orders").token(alice.token())
                    .header("Idempotency-Key", "race").json(Map.of("notes", "once")).send());

            assertThat(responses).extracting(Api.Response::status).allSatisfy(s -> assertThat(s).isIn(201, 409));
            assertThat(responses).filteredOn(r -> r.status() == 201).isNotEmpty()
                    .extracting(r -> r.json().get("id").asLong()).containsOnly(
                            responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
                                    .get("id").asLong());
            assertThat(ordersOf(alice)).isEqualTo(1);
        }
        finally {
            TestServices.get().startRedis();
        }
    }

    private long ordersOf(Account account) {
        return jdbc.queryForObject("select count(*) from pedidos where usuario = ?", Long.class, account.id());
    }

    interface Call {
        Api.Response send(int index);
    }

    private static List<Api.Response> race(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Api.Response> task = () -> {
                    start.await();
                    return call.send(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
