package org.ordersystem.user;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The caller's status comes from the near cache, not from a query per request. */
@IntegrationTest
class UserStatusCachingTests {

    private final Api api;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final UserStatusCache cache;

    UserStatusCachingTests(@LocalServerPort int port, @Autowired JdbcClient jdbc, @Autowired UserStatusCache cache) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Test
    void authenticatesFromTheNearCacheWithoutReadingTheUserRow() {
        Accounts.Account user = accounts.newUser();
        try {
            // A lapsed near-cache lease empties every near cache, and one lapses when another context on the
            // shared Redis bus (a module test's) started just before this test: the scenario is repeated until
            // it ran under one lease. It still fails when the status is never served from the near cache.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                setActive(user.id(), true);
                assertThat(api.get("/api/users/me").token(user.token()).send().status()).isEqualTo(200);

                // behind the application's back, so no eviction: only a cached status lets the request through
                jdbc.sql("update usuarios set ativo = false where id = :id").param("id", user.id()).update();
                Api.Response served = api.get("/api/users/me").token(user.token()).send();
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.json().get("active").asBoolean()).as("the body is read from the table").isFalse();
            });
            cache.evict(user.id());
            assertThat(api.get("/api/users/me").token(user.token()).send().field("error_code"))
                    .isEqualTo("ACCOUNT_DEACTIVATED");
        }
        finally {
            setActive(user.id(), true);
        }
    }

    private void setActive(long id, boolean active) {
        jdbc.sql("update usuarios set ativo = :active where id = :id").param("active", active).param("id", id).update();
        cache.evict(id);
    }
}
