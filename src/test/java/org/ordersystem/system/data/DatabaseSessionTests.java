package org.ordersystem.system.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service pins on its own database sessions, whatever the server's defaults. */
@DatabaseTest
class DatabaseSessionTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Test
    void serviceSessionsCommitDurablyAndGiveUpOnASilentNetworkWithinFourSeconds() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show synchronous_commit")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("on");
            assertThat(connection.getNetworkTimeout()).isEqualTo(4000);
        }
    }

    @Test
    void migrationsWaitAsLongAsAStatementTakes() throws Exception {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(connection.getNetworkTimeout()).isZero();
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(4000);
        }
    }
}
