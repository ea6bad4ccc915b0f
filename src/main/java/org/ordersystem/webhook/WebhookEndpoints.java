package org.ordersystem.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code webhook_endpoints} table. */
class WebhookEndpoints {

    private static final String COLUMNS = "id, url, description, events, active, secret, previous_secret, "
            + "previous_secret_expires_at, created_at, updated_at";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookEndpoint insert(String url, String description, List<String> events, String secret, Instant now) {
        return jdbc.sql("insert into webhook_endpoints"
                + " (url, description, events, active, secret, created_at, updated_at)"
                + " values (:url, :description, :events, true, :secret, :now, :now) returning " + COLUMNS)
                .param("url", url).param("description", description).param("events", events.toArray(String[]::new))
                .param("secret", secret).param("now", Timestamp.from(now))
                .query(WebhookEndpoints::endpoint).single();
    }

    Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id").param("id", id)
                .query(WebhookEndpoints::endpoint).optional();
    }

    /** The endpoint locked until the end of the transaction, for a change. */
    Optional<WebhookEndpoint> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id for update").param("id", id)
                .query(WebhookEndpoints::endpoint).optional();
    }

    List<WebhookEndpoint> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints order by id").query(WebhookEndpoints::endpoint)
                .list();
    }

    WebhookEndpoint update(WebhookEndpoint endpoint) {
        return jdbc.sql("update webhook_endpoints set url = :url, description = :description, events = :events,"
                + " active = :active, secret = :secret, previous_secret = :previousSecret,"
                + " previous_secret_expires_at = :previousExpires, updated_at = :updatedAt where id = :id returning "
                + COLUMNS)
                .param("id", endpoint.id()).param("url", endpoint.url()).param("description", endpoint.description())
                .param("events", endpoint.events().toArray(String[]::new)).param("active", endpoint.active())
                .param("secret", endpoint.secret()).param("previousSecret", endpoint.previousSecret())
                .param("previousExpires", endpoint.previousSecretExpiresAt() == null ? null
                        : Timestamp.from(endpoint.previousSecretExpiresAt()))
                .param("updatedAt", Timestamp.from(endpoint.updatedAt()))
                .query(WebhookEndpoints::endpoint).single();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from webhook_endpoints where id = :id").param("id", id).update() > 0;
    }

    /** True when this call deactivated it (it was active). */
    boolean deactivate(long id, Instant now) {
        return jdbc.sql("update webhook_endpoints set active = false, updated_at = :now where id = :id and active")
                .param("id", id).param("now", Timestamp.from(now)).update() > 0;
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("events").getArray()), rs.getBoolean("active"),
                rs.getString("secret"), rs.getString("previous_secret"), instant(rs, "previous_secret_expires_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
