package org.ordersystem.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP_HOST (the shared test context) no e-mail is attempted and nothing piles up in the outbox. */
@IntegrationTest
class MailDisabledTests {

    private final Api api;
    private final Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    MailDisabledTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void withoutSmtpOrderChangesStoreNoPublication() {
        Account alice = accounts.newUser();
        long confirmed = place(alice);
        long cancelled = place(alice);

        assertThat(status(alice, confirmed, "CONFIRMED").status()).isEqualTo(200);
        assertThat(status(alice, cancelled, "CANCELLED").status()).isEqualTo(200);

        assertThat(context.getBeanNamesForType(OrderMailListener.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OrderMailRetries.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
        // publications would have been written in the orders' transactions, which have committed
        assertThat(jdbc.queryForObject("""
                select count(*) from event_publication
                where event_type like 'org.ordersystem.order.%'
                  and coalesce(serialized_event::jsonb ->> 'user_id', serialized_event::jsonb ->> 'userId')::bigint = ?""",
                Long.class, alice.id())).isZero();
        assertThat(api.get("/health").send().json().at("/components/mail").isMissingNode()).isTrue();
    }

    private long place(Account owner) {
        Api.Response placed = api.post("/api/orders").token(owner.token())
                .json(Map.of("items", List.of(Map.of("name", "Book", "quantity", 1, "unit_price", 9)))).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    private Api.Response status(Account caller, long id, String status) {
        return api.patch("/api/orders/" + id + "/status").token(caller.token()).json(Map.of("status", status)).send();
    }
}
