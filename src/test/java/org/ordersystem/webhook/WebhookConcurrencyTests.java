package org.ordersystem.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Racing order writers: every committed change is delivered, once, and nothing else is. */
@IntegrationTest
class WebhookConcurrencyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ORDERS = 5;
    private static final int CHANGES_PER_ORDER = 20;

    private final Api api;
    private final Accounts accounts;
    private final Webhooks webhooks;
    private final TestReceiver receiver = new TestReceiver();

    WebhookConcurrencyTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.webhooks = new Webhooks(api, accounts.admin().token());
    }

    @AfterEach
    void cleanUp() {
        webhooks.deleteAll();
        receiver.close();
    }

    @Test
    void aHundredConcurrentOrderChangesGiveAHundredEventsNoneLostNoneInvented() throws Exception {
        webhooks.create(receiver.url("/race"), "order.updated");
        Account dave = accounts.newUser();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(api.post("/api/orders").token(dave.token()).json(Map.of()).send().json().get("id").asLong());
        }

        List<Integer> statuses = race(ORDERS * CHANGES_PER_ORDER, i -> addItem(dave, orders.get(i % ORDERS), i));
        assertThat(statuses).containsOnly(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= ORDERS * CHANGES_PER_ORDER);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received().size() == ORDERS * CHANGES_PER_ORDER);
        assertThat(receiver.received().stream().map(TestReceiver.Received::id).distinct())
                .hasSize(ORDERS * CHANGES_PER_ORDER);
        // each order's events saw it with 1, 2, … 20 items: one per committed change, each once
        Map<Long, List<Integer>> itemCounts = receiver.received().stream().map(r -> JSON.readTree(r.body()).get("data"))
                .collect(Collectors.groupingBy(order -> order.get("id").asLong(),
                        Collectors.mapping(order -> order.get("item_count").asInt(), Collectors.toList())));
        assertThat(itemCounts.keySet()).containsExactlyInAnyOrderElementsOf(orders);
        itemCounts.values().forEach(counts -> assertThat(counts).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, CHANGES_PER_ORDER).boxed().toList()));
        List<String> names = receiver.received().stream().map(r -> JSON.readTree(r.body()).get("data"))
                .filter(order -> order.get("item_count").asInt() == CHANGES_PER_ORDER)
                .flatMap(order -> order.get("items").valueStream()).map(item -> item.get("name").asString()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(IntStream.range(0, ORDERS * CHANGES_PER_ORDER)
                .mapToObj(i -> "Part " + i).toList());
    }

    /**
     * Adds one item, sent again while the admission gate refuses it (503, nothing done): a hundred
     * requests at once can exceed its limit on a busy machine, and a client retries those.
     */
    private int addItem(Account owner, long orderId, int index) {
        int status;
        int attempts = 0;
        do {
            status = api.post("/api/orders/" + orderId + "/items").token(owner.token())
                    .json(Map.of("name", "Part " + index, "quantity", 1, "unit_price", 1)).send().status();
        }
        while (status == 503 && ++attempts < 100);
        return status;
    }

    private static <T> List<T> race(int count, IndexedCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedCall<T> {
        T call(int index) throws Exception;
    }
}
