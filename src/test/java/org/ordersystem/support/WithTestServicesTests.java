package org.ordersystem.support;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared context gets the services' addresses from its own property source, not from the JVM. */
@IntegrationTest
class WithTestServicesTests {

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void theServicesAreSettingsOfTheTestContextAndNotSystemProperties() {
        assertThat(environment.getPropertySources().get(TestServicesPropertySource.NAME)).isNotNull()
                .satisfies(source -> assertThat(source.getProperty("DATABASE_URL"))
                        .isEqualTo(TestServices.get().databaseUrl()));
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(TestServices.get().jdbcUrl());
        assertThat(environment.getProperty("order.environment")).isEqualTo("test");
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).as("the shared context's pool")
                .isEqualTo("50");
        assertThat(System.getProperties()).doesNotContainKeys("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ENVIRONMENT");
    }
}
