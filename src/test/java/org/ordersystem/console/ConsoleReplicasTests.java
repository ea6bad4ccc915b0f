package org.ordersystem.console;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console session belongs to the service, not to one replica: signed in on one instance, the
 * browser goes on on another (as a load balancer without affinity sends it), and a sign-out
 * on that one ends it everywhere.
 */
@IntegrationTest
class ConsoleReplicasTests {

    private final int port;
    private final Accounts accounts;

    ConsoleReplicasTests(@LocalServerPort int port) {
        this.port = port;
        this.accounts = new Accounts(new Api(port));
    }

    @Test
    void aSessionOpenedOnOneReplicaServesOnAnother() {
        Account user = accounts.newUser();
        try (AppInstance other = AppInstance.start()) {
            ConsoleBrowser first = new ConsoleBrowser(port).signIn(user.email(), Accounts.PASSWORD);
            ConsoleBrowser second = first.on(other.port());

            HttpResponse<String> form = second.get("/ui/orders/new");
            assertThat(form.statusCode()).isEqualTo(200);
            HttpResponse<String> placed = second.post("/ui/orders", Map.of("key", "replica-form", "lines[0].name",
                    "Lamp", "lines[0].quantity", "1", "lines[0].unitPrice", "3"));
            assertThat(placed.statusCode()).isEqualTo(302);
            String order = URI.create(placed.headers().firstValue("Location").orElseThrow()).getPath();
            // the same form sent again, to the first instance: the order it placed, not a second one
            HttpResponse<String> again = second.on(port).post("/ui/orders", Map.of("key", "replica-form",
                    "lines[0].name", "Lamp", "lines[0].quantity", "1", "lines[0].unitPrice", "3"));
            assertThat(again.statusCode()).isEqualTo(302);
            assertThat(URI.create(again.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo(order);
            assertThat(first.get(order).statusCode()).isEqualTo(200);

            second.get("/ui/orders");
            assertThat(second.post("/ui/sign-out", Map.of()).statusCode()).isEqualTo(302);
            assertThat(first.get("/ui/orders").headers().firstValue("Location").orElse(""))
                    .endsWith("/ui/sign-in");
        }
    }
}
