package org.ordersystem.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.system.config.InvalidConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first administrator from ADMIN_EMAIL and ADMIN_PASSWORD: created once, however many replicas start. */
@AuthModuleTest
class AdminBootstrapTests {

    private static final String PASSWORD = "Adm1n-Passw0rd!";

    private final AdminBootstrap bootstrap;
    private final JdbcClient jdbc;

    AdminBootstrapTests(@Autowired AdminBootstrap bootstrap, @Autowired JdbcClient jdbc) {
        this.bootstrap = bootstrap;
        this.jdbc = jdbc;
    }

    @Test
    void theConfiguredAdministratorExistsAfterStartUp() {
        assertThat(jdbc.sql("select is_admin from usuarios where email = :email").param("email", Accounts.ADMIN_EMAIL)
                .query(Boolean.class).single()).isTrue();
        assertThat(bootstrap.createFirstAdmin(Accounts.ADMIN_EMAIL, Accounts.ADMIN_PASSWORD)).as("a restart").isFalse();
        assertThat(bootstrap.createFirstAdmin(unique(), PASSWORD)).as("another address, an admin exists").isFalse();
    }

    /**
     * Replicas starting together, simulated by threads released at once against a database
     * without an administrator (the existing ones are demoted for the test and restored after).
     */
    @Test
    void replicasStartingTogetherCreateExactlyOneAdministrator() throws Exception {
        List<Long> admins = jdbc.sql("select id from usuarios where is_admin").query(Long.class).list();
        String email = unique();
        ExecutorService replicas = Executors.newFixedThreadPool(6);
        try {
            jdbc.sql("update usuarios set is_admin = false where is_admin").update();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Boolean> replica = () -> {
                    start.await();
                    return bootstrap.createFirstAdmin(email, PASSWORD);
                };
                results.add(replicas.submit(replica));
            }
            start.countDown();
            List<Boolean> created = new ArrayList<>();
            for (Future<Boolean> result : results) {
                created.add(result.get());
            }

            assertThat(created).containsOnlyOnce(true);
            assertThat(jdbc.sql("select email from usuarios where is_admin").query(String.class).list())
                    .containsExactly(email);
        }
        finally {
            replicas.shutdownNow();
            jdbc.sql("update usuarios set is_admin = false where email = :email").param("email", email).update();
            jdbc.sql("update usuarios set is_admin = true where id in (:ids)").param("ids", admins).update();
        }
    }

    @Test
    void leavesARegularUserWithTheConfiguredEmailAlone() {
        List<Long> admins = jdbc.sql("select id from usuarios where is_admin").query(Long.class).list();
        String email = unique();
        jdbc.sql("insert into usuarios (id, email, nome, senha_hash) values (nextval('usuarios_seq'), :email, 'Squatter', "
                + "'$2a$10$abcdefghijklmnopqrstuv1234567890123456789012345678901')").param("email", email).update();
        try {
            jdbc.sql("update usuarios set is_admin = false where is_admin").update();
            assertThat(bootstrap.createFirstAdmin(email, PASSWORD)).isFalse();
            assertThat(jdbc.sql("select count(*) from usuarios where is_admin").query(Long.class).single()).isZero();
        }
        finally {
            jdbc.sql("update usuarios set is_admin = true where id in (:ids)").param("ids", admins).update();
        }
    }

    @Test
    void refusesToStartWithAnAdministratorPasswordThePolicyRefuses() {
        assertThatThrownBy(() -> bootstrap.createFirstAdmin(unique(), "weak-secret-7")).isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("ADMIN_PASSWORD").hasMessageContaining("upper-case")
                .hasMessageNotContaining("weak-secret-7");
        assertThatThrownBy(() -> bootstrap.createFirstAdmin("not-an-email", PASSWORD))
                .isInstanceOf(InvalidConfiguration.class).hasMessageStartingWith("ADMIN_EMAIL");
    }

    private static String unique() {
        return "admin-" + UUID.randomUUID() + "@orders.test";
    }
}
