package org.ordersystem.console;

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

/**
 * The console's pages cost a fixed, small number of SQL statements however much they show
 * (no N+1): the order list as the API's list (the page, its count, the lines of all its orders
 * in one batch), an order page its order with its lines and its history. The session's own
 * statements (Spring Session JDBC) come on top: one read and at most one write per request.
 */
@IntegrationTest
class ConsoleStatementsTests {

    private final int port;
    private final Api api;
    private final Accounts accounts;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    ConsoleStatementsTests(@LocalServerPort int port) {
        this.port = port;
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void theOrderListCostsTheSameFewStatementsForOneLineOrFivePerOrder() {
        Account small = accounts.newUser();
        place(small, 20, 1);
        Account large = accounts.newUser();
        place(large, 20, 5);

        long forOne = statements(small, "/ui/orders");
        long forFive = statements(large, "/ui/orders");

        assertThat(forFive).isEqualTo(forOne).isLessThanOrEqualTo(3);
    }

    @Test
    void anOrderPageCostsItsOrderAndItsHistory() {
        Account user = accounts.newUser();
        long id = place(user, 1, 30);
        assertThat(statements(user, "/ui/orders/" + id)).isLessThanOrEqualTo(2);
    }

    private long statements(Account account, String page) {
        ConsoleBrowser browser = new ConsoleBrowser(port).signIn(account.email(), Accounts.PASSWORD);
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
        return statistics.getPrepareStatementCount();
    }

    private long place(Account account, int orders, int itemsEach) {
        List<Map<String, Object>> items = IntStream.range(0, itemsEach)
                .mapToObj(i -> Map.<String, Object>of("name", "Item " + i, "quantity", 1, "unit_price", 2)).toList();
        long id = 0;
        for (int i = 0; i < orders; i++) {
            Api.Response placed = api.post("/api/orders").token(account.token()).json(Map.of("items", items)).send();
            assertThat(placed.status()).isEqualTo(201);
            id = placed.json().get("id").asLong();
        }
        return id;
    }
}
