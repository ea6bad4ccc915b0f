package org.ordersystem.order.web;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

/** A page of orders with their items costs the same few SQL statements however much it holds (no N+1). */
@IntegrationTest
class OrderListingStatementsTests {

    private final Api api;
    private final Accounts accounts;

    @Autowired
    EntityManagerFactory entityManagerFactory;

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

        // the page, its count, and the items of all its orders in one batch
        assertThat(forTwenty).isEqualTo(forOne).isLessThanOrEqualTo(3);
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
