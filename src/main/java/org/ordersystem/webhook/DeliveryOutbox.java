package org.ordersystem.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code webhook_events} and {@code webhook_deliveries} tables: recording events, the
 * workers' claims and results, and what the API and the metrics read.
 */
class DeliveryOutbox {

    private static final String DELIVERY_COLUMNS = "d.id, d.event_id, e.type, d.attempt, d.status, d.response_status,"
            + " d.duration_ms, d.error, d.created_at, d.next_attempt_at";

    private final JdbcClient jdbc;

    DeliveryOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event with a pending first attempt for every active endpoint subscribed to it; how many. */
    int record(UUID id, String type, String payload, Instant now) {
        return jdbc.sql("""
                with targets as (select id from webhook_endpoints where active and :type = any (events)),
                event as (insert into webhook_events (id, type, payload, created_at)
                          select :id, :type, :payload, :now where exists (select 1 from targets) returning id)
                insert into webhook_deliveries (endpoint_id, event_id, attempt, status, created_at, next_attempt_at)
                select targets.id, event.id, 1, 'pending', :now, :now from targets, event""")
                .param("id", id).param("type", type).param("payload", payload).param("now", Timestamp.from(now))
                .update();
    }

    /** Records an event for one endpoint only (the test event), whatever it subscribes to. */
    void recordFor(long endpointId, UUID id, String type, String payload, Instant now) {
        jdbc.sql("insert into webhook_events (id, type, payload, created_at) values (:id, :type, :payload, :now)")
                .param("id", id).param("type", type).param("payload", payload).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into webhook_deliveries (endpoint_id, event_id, attempt, status, created_at, next_attempt_at)
                values (:endpoint, :event, 1, 'pending', :now, :now)""")
                .param("endpoint", endpointId).param("event", id).param("now", Timestamp.from(now)).update();
    }

    /** A claimed attempt: everything the worker needs to make it, and the token that proves the claim is still its. */
    record Claim(long deliveryId, UUID leaseToken, long endpointId, String url, List<String> secrets, UUID eventId,
            String eventType, String payload, Instant eventCreatedAt, int attempt, boolean manual) {

        @Override
        public String toString() {
            return "Claim[delivery=" + deliveryId + ", endpoint=" + endpointId + ", event=" + eventId + ", attempt="
                    + attempt + "]";
        }
    }

    /**
     * Claims up to {@code limit} due pending attempts of active endpoints, oldest first, skipping
     * rows another replica is claiming right now and those whose lease has not yet expired.
     * <p>
     * The locking select is a materialised CTE, evaluated once: as a subquery of the update
     * ({@code where id in (select … limit n for update skip locked)}) PostgreSQL may run it again
     * for the same statement, and each run skips the rows the previous one locked, so the update
     * claimed more than {@code limit} rows (seen under load in WebhookConcurrencyTests).
     */
    List<Claim> claim(int limit, Instant now, Duration lease) {
        UUID token = UUID.randomUUID();
        return jdbc.sql("""
                with due as materialized (
                    select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
                    where d.status = 'pending' and d.next_attempt_at <= :now and w.active
                      and (d.lease_until is null or d.lease_until < :now)
                    order by d.next_attempt_at limit :limit
                    for update of d skip locked),
                claimed as (
                    update webhook_deliveries set lease_until = :until, lease_token = :token
                    from due where webhook_deliveries.id = due.id
                    returning webhook_deliveries.id, endpoint_id, event_id, attempt, manual)
                select c.id, c.endpoint_id, c.event_id, c.attempt, c.manual, w.url, w.secret, w.previous_secret,
                       w.previous_secret_expires_at, e.type, e.payload, e.created_at
                from claimed c
                join webhook_endpoints w on w.id = c.endpoint_id
                join webhook_events e on e.id = c.event_id
                """)
                .param("until", Timestamp.from(now.plus(lease))).param("token", token).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> claim(rs, token, now)).list();
    }

    private static Claim claim(ResultSet rs, UUID token, Instant now) throws SQLException {
        WebhookEndpoint secrets = new WebhookEndpoint(rs.getLong("endpoint_id"), rs.getString("url"), null, List.of(),
                true, rs.getString("secret"), rs.getString("previous_secret"),
                WebhookEndpoints.instant(rs, "previous_secret_expires_at"), null, null);
        return new Claim(rs.getLong("id"), token, rs.getLong("endpoint_id"), rs.getString("url"),
                secrets.signingSecrets(now), rs.getObject("event_id", UUID.class), rs.getString("type"),
                rs.getString("payload"), WebhookEndpoints.instant(rs, "created_at"), rs.getInt("attempt"),
                rs.getBoolean("manual"));
    }

    /** The attempt's outcome; false when the claim was lost (lease expired and taken over) and nothing was written. */
    boolean finish(Claim claim, String status, Integer responseStatus, int durationMs, String error,
            Instant nextAttemptAt) {
        return jdbc.sql("""
                update webhook_deliveries
                set status = :status, response_status = :response, duration_ms = :duration, error = :error,
                    next_attempt_at = :next, lease_until = null, lease_token = null
                where id = :id and lease_token = :token and status = 'pending'""")
                .param("status", status).param("response", responseStatus).param("duration", durationMs)
                .param("error", error).param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("id", claim.deliveryId()).param("token", claim.leaseToken()).update() > 0;
    }

    /** A pending attempt of the event for the endpoint, numbered after every earlier one. */
    void schedule(long endpointId, UUID eventId, Instant at, boolean manual, Instant now) {
        jdbc.sql("""
                insert into webhook_deliveries
                    (endpoint_id, event_id, attempt, status, manual, created_at, next_attempt_at)
                select :endpoint, :event, coalesce(max(attempt), 0) + 1, 'pending', :manual, :now, :at
                from webhook_deliveries where endpoint_id = :endpoint and event_id = :event""")
                .param("endpoint", endpointId).param("event", eventId).param("manual", manual)
                .param("now", Timestamp.from(now)).param("at", Timestamp.from(at)).update();
    }

    Optional<Delivery> delivery(long endpointId, long deliveryId) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from webhook_deliveries d join webhook_events e"
                + " on e.id = d.event_id where d.endpoint_id = :endpoint and d.id = :id")
                .param("endpoint", endpointId).param("id", deliveryId).query(DeliveryOutbox::delivery).optional();
    }

    /** One page of the endpoint's attempts, newest first. */
    List<Delivery> deliveries(long endpointId, int page, int size) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from webhook_deliveries d join webhook_events e"
                + " on e.id = d.event_id where d.endpoint_id = :endpoint order by d.id desc limit :size offset :offset")
                .param("endpoint", endpointId).param("size", size).param("offset", (long) page * size)
                .query(DeliveryOutbox::delivery).list();
    }

    long countDeliveries(long endpointId) {
        return jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = :endpoint")
                .param("endpoint", endpointId).query(Long.class).single();
    }

    /** Pending attempts of active endpoints, and since when the oldest due one has waited (null when none is due). */
    record Backlog(long pending, Instant oldestDue) {
    }

    Backlog backlog(Instant now) {
        return jdbc.sql("""
                select count(*), min(d.next_attempt_at) filter (where d.next_attempt_at <= :now)
                from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
                where d.status = 'pending' and w.active""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Backlog(rs.getLong(1), WebhookEndpoints.instant(rs, "min"))).single();
    }

    /** Deletes events recorded before {@code before} with no attempt still pending, and their attempts; how many. */
    int deleteSettled(Instant before, int limit) {
        return jdbc.sql("""
                delete from webhook_events where id in (
                    select e.id from webhook_events e where e.created_at < :before and not exists (
                        select 1 from webhook_deliveries d where d.event_id = e.id and d.status = 'pending')
                    limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("type"),
                rs.getInt("attempt"), rs.getString("status"), (Integer) rs.getObject("response_status"),
                (Integer) rs.getObject("duration_ms"), rs.getString("error"),
                WebhookEndpoints.instant(rs, "created_at"), WebhookEndpoints.instant(rs, "next_attempt_at"));
    }
}
