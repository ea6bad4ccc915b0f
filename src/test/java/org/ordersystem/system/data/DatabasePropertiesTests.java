package org.ordersystem.system.data;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** DATABASE_REPLICA_URL, DATABASE_REPLICA_MAX_LAG and DATABASE_REPLICA_POOL_SIZE, as start-up binds and refuses them. */
class DatabasePropertiesTests {

    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void noReplicaByDefault() {
        DatabaseProperties.Replica replica = StartupVariables.bound(contexts, DatabaseProperties.class,
                "DATABASE_URL", "postgresql://app:secret@primary:5432/orders").replica();

        assertThat(replica.configured()).isFalse();
        assertThat(replica.maxLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(replica.poolSize()).isEqualTo(10);
    }

    @Test
    void theReplicaUrlCarriesItsOwnCredentialsAndTheBoundsAreRead() {
        DatabaseProperties.Replica replica = StartupVariables.bound(contexts, DatabaseProperties.class,
                "DATABASE_URL", "postgresql://app:secret@primary:5432/orders",
                "DATABASE_REPLICA_URL", "postgresql://reader:p%40ss@replica.internal:6432/orders?sslmode=require",
                "DATABASE_REPLICA_MAX_LAG", "1500ms", "DATABASE_REPLICA_POOL_SIZE", "4").replica();

        assertThat(replica.configured()).isTrue();
        assertThat(replica.url()).startsWith("jdbc:postgresql://replica.internal:6432/orders").contains("sslmode=require");
        assertThat(replica.username()).isEqualTo("reader");
        assertThat(replica.password()).isEqualTo("p@ss");
        assertThat(replica.maxLag()).isEqualTo(Duration.ofMillis(1500));
        assertThat(replica.poolSize()).isEqualTo(4);
        assertThat(replica.writeMemory()).isEqualTo(Duration.ofSeconds(4));
        assertThat(replica.toString()).doesNotContain("p@ss");
    }

    @Test
    void refusesBoundsThatMeanNothingNamingTheVariable() {
        assertThat(StartupVariables.refusal(contexts, "DATABASE_REPLICA_MAX_LAG", "0s"))
                .startsWith("Invalid configuration: DATABASE_REPLICA_MAX_LAG ");
        assertThat(StartupVariables.refusal(contexts, "DATABASE_REPLICA_MAX_LAG", "soon"))
                .startsWith("Invalid configuration: DATABASE_REPLICA_MAX_LAG ");
        assertThat(StartupVariables.refusal(contexts, "DATABASE_REPLICA_POOL_SIZE", "0"))
                .startsWith("Invalid configuration: DATABASE_REPLICA_POOL_SIZE ");
    }
}
