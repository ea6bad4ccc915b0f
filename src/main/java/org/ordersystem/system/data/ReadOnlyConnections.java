package org.ordersystem.system.data;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.AbstractDataSource;

/** The read-only side of the routing proxy: each connection is the replica's or the primary's, as {@link ReadReplica} decides. */
final class ReadOnlyConnections extends AbstractDataSource {

    private final ReadReplica replica;

    ReadOnlyConnections(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return replica.readConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("Connections of the read replica use its configured credentials");
    }
}
