package org.ordersystem.order.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page of orders with their items costs the same few SQL statements however much it holds (no
 * N+1), and the total of one owner's orders is not counted again until it changed.
 */
@IntegrationTest
class OrderListingStatementsTests {

    private final Api api;
    private final Accounts accounts;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    MeterRegistry meters;

    OrderListingStatementsTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void aPageOfTwentyOrdersWithItemsCostsAFixedSmallNumberOfStatements() {
        Account small = accounts.newUser();
        place(small, 20, 1);
        Account large = accounts.newUser();
        place(large, 20, 5);

        long forOne = statementsFor(small);
        long forTwenty = statementsFor(large);

        // the page and the items of all its orders in one batch (and its count, once: see below)
        assertThat(forTwenty).isEqualTo(forOne).isLessThanOrEqualTo(3);
    }

    /**
     * The total of a full page of one owner's orders is counted once, then kept until an order
     * of that owner is placed or deleted; a page with any other filter is counted every time.
     */
    @Test
    void aFullPageOfOnesOwnOrdersIsCountedOnlyAfterAnOrderWasPlacedOrDeleted() {
        Account user = accounts.newUser();
        place(user, 20, 1);
        Account other = accounts.newUser();
        String firstPage = "/api/orders?size=10";

        assertThat(listing(user, firstPage)).isEqualTo(new Listing(20, true));
        assertThat(keptTotal(user, firstPage)).isEqualTo(20);
        assertThat(keptTotal(user, firstPage + "&page=1")).isEqualTo(20);
        place(other, 1, 1);
        assertThat(keptTotal(user, firstPage)).as("after another owner's order").isEqualTo(20);

        place(user, 1, 1);
        assertThat(listing(user, firstPage)).isEqualTo(new Listing(21, true));
        assertThat(keptTotal(user, firstPage)).isEqualTo(21);

        long id = api.get("/api/orders?size=1").token(user.token()).send().json().at("/content/0/id").asLong();
        assertThat(api.delete("/api/orders/" + id).token(user.token()).send().status()).isEqualTo(204);
        assertThat(listing(user, firstPage)).isEqualTo(new Listing(20, true));

        assertThat(listing(user, firstPage + "&status=PENDING")).isEqualTo(new Listing(20, true));
        assertThat(listing(user, firstPage + "&status=PENDING")).isEqualTo(new Listing(20, true));
    }

    /**
     * The total of a listing served without a count. Near caches are emptied when their lease
     * lapses, which another test context starting on the shared Redis can cause, so the listing
     * is repeated until one is served from the kept count; it fails when none ever is.
     */
    private long keptTotal(Account account, String path) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> listing(account, path), listing -> !listing.counted())
                .total();
    }

    /** A page's total, and whether it was counted rather than taken from the kept count. */
    private record Listing(long total, boolean counted) {
    }

    private Listing listing(Account account, String path) {
        double kept = keptCountsServed();
        Api.Response page = api.get(path).token(account.token()).send();
        assertThat(page.status()).isEqualTo(200);
        return new Listing(page.json().at("/page/total_elements").asLong(), keptCountsServed() == kept);
    }

    private double keptCountsServed() {
        return meters.get("cache.gets").tags("name", "order-counts", "result", "hit").functionCounter().count();
    }

    private void place(Account account, int orders, int itemsEach) {
        List<Map<String, Object>> items = IntStream.range(0, itemsEach)
                .mapToObj(i -> Map.<String, Object>of("name", "Item " + i, "quantity", 1, "unit_price", 2)).toList();
        for (int i = 0; i < orders; i++) {
            assertThat(api.post("/api/orders").token(account.token()).json(Map.of("items", items)).send().status())
                    .isEqualTo(201);
        }
    }

    private long statementsFor(Account account) {
        api.get("/api/orders?size=20").token(account.token()).send();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        Api.Response page = api.get("/api/orders?size=20").token(account.token()).send();
        long statements = statistics.getPrepareStatementCount();
        assertThat(page.status()).isEqualTo(200);
        return statements;
    }
}
