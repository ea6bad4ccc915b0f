package org.ordersystem.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the retry job needs from Spring Modulith's {@code event_publication} table (our own
 * Flyway migration V2) beyond the registry's API, limited to this module's listeners:
 * counting what is outstanding, releasing attempts that were lost, and making sure only
 * one replica resubmits at a time.
 */
class MailOutbox {

    /** pg advisory lock key of the retry job: any fixed number no other lock uses. */
    private static final long RETRY_LOCK = 0x6f72646572_6d61L;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final List<String> listenerIds;

    MailOutbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, List<String> listenerIds) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.listenerIds = List.copyOf(listenerIds);
    }

    /** E-mails not yet accepted by the SMTP server. */
    long pending() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id in (:ids)")
                .param("ids", listenerIds).query(Long.class).single();
    }

    /** A failed e-mail: its publication, how many attempts it had and when the last one started. */
    record Failed(UUID id, int attempts, Instant lastAttempt) {
    }

    List<Failed> failed() {
        return jdbc.sql("""
                select id, coalesce(completion_attempts, 1), coalesce(last_resubmission_date, publication_date)
                from event_publication
                where completion_date is null and listener_id in (:ids) and status = 'FAILED'""")
                .param("ids", listenerIds)
                .query((rs, row) -> new Failed(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /**
     * Marks FAILED the attempts that started before {@code startedBefore} and never finished:
     * the instance running them stopped (crash, kill, a shutdown with e-mails still queued).
     * Modulith resubmits only failed publications, and never one left RESUBMITTED.
     * <p>
     * Not Modulith's staleness monitor ({@code spring.modulith.events.staleness.*}): as of 2.0
     * it measures from the publication date, not from the start of the attempt, so it marks a
     * retry of an e-mail older than its limit failed while the retry is still running, and the
     * next retry run may send that e-mail a second time alongside it.
     */
    int releaseLostAttempts(Instant startedBefore) {
        return jdbc.sql("""
                update event_publication set status = 'FAILED'
                where completion_date is null and listener_id in (:ids)
                  and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                  and coalesce(last_resubmission_date, publication_date) < :before""")
                .param("ids", listenerIds).param("before", Timestamp.from(startedBefore)).update();
    }

    /**
     * Runs {@code work} unless another replica is running it right now, under a session-level
     * advisory lock on a connection of its own; true when it ran.
     */
    boolean exclusively(Runnable work) {
        Boolean ran = jdbcTemplate.execute((ConnectionCallback<Boolean>) connection -> {
            try (var lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, RETRY_LOCK);
                try (var result = lock.executeQuery()) {
                    if (!result.next() || !result.getBoolean(1)) {
                        return false;
                    }
                }
            }
            try {
                work.run();
                return true;
            }
            finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, RETRY_LOCK);
                    unlock.execute();
                }
            }
        });
        return Boolean.TRUE.equals(ran);
    }
}
