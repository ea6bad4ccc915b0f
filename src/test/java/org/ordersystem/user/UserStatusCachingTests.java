package org.ordersystem.user;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(api.get("/api/users/me").token(user.token()).send().status()).isEqualTo(200);

        // behind the application's back, so no eviction: only a cached status lets the request through
        jdbc.sql("update usuarios set ativo = false where id = :id").param("id", user.id()).update();
        try {
            Api.Response served = api.get("/api/users/me").token(user.token()).send();
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json().get("active").asBoolean()).as("the body is read from the table").isFalse();
            cache.evict(user.id());
            assertThat(api.get("/api/users/me").token(user.token()).send().field("error_code"))
                    .isEqualTo("ACCOUNT_DEACTIVATED");
        }
        finally {
            jdbc.sql("update usuarios set ativo = true where id = :id").param("id", user.id()).update();
            cache.evict(user.id());
        }
    }
}
