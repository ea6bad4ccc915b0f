package org.ordersystem.system.data;

import org.ordersystem.system.config.InvalidConfiguration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

    @Test
    void readsTheGuidesForm() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://orders:s3cret@db.internal:5433/orders");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/orders");
        assertThat(url.username()).isEqualTo("orders");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void acceptsPostgresAndDriverSuffixAndJdbcSchemes() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgres://u:p@h/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql+asyncpg://u:p@h:6000/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6000/db");
        assertThat(DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql://h:5432/db?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
    }

    @Test
    void decodesPercentEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app%40corp:p%40ss%3Aw%2Frd+x@h:5432/db");

        assertThat(url.username()).isEqualTo("app@corp");
        assertThat(url.password()).isEqualTo("p@ss:w/rd+x");
    }

    @Test
    void keepsQueryParametersSuchAsSslMode() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL",
                "postgresql://u:p@h:5432/db?sslmode=verify-full&application_name=orders");

        assertThat(url.jdbcUrl()).endsWith("/db?sslmode=verify-full&application_name=orders");
    }

    @Test
    void worksWithoutCredentialsAndWithIpv6Hosts() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://127.0.0.1/db");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "mysql://u:p@h/db", "postgresql://u:p@/db", "postgresql://u:p@h:5432/",
            "postgresql://u:p@h:5432", "not a url", "postgresql://u:p@h:5432/db name" })
    void refusesMalformedUrlsNamingTheVariableButNotTheValue(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", value))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("DATABASE_URL ")
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("u:p"));
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(DatabaseUrl.parse("DATABASE_URL", "postgresql://u:topsecret@h/db").toString())
                .doesNotContain("topsecret");
    }
}
