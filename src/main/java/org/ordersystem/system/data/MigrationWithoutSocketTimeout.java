package org.ordersystem.system.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The service's connections carry a 4 s socket timeout, so that a request on a network that
 * stopped answering fails within the design's 5 s instead of hanging (see application.yml).
 * A migration may legitimately run longer (an index on a large table), so Flyway's connections
 * wait as long as the statement takes. The pool restores the timeout when a connection returns.
 */
@Component
class MigrationWithoutSocketTimeout implements FlywayConfigurationCustomizer {

    private static final Executor SAME_THREAD = Runnable::run;

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.dataSource(new UnlimitedWait(configuration.getDataSource()));
    }

    private static final class UnlimitedWait extends DelegatingDataSource {

        UnlimitedWait(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return withoutTimeout(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return withoutTimeout(super.getConnection(username, password));
        }

        private static Connection withoutTimeout(Connection connection) throws SQLException {
            connection.setNetworkTimeout(SAME_THREAD, 0);
            return connection;
        }
    }
}
