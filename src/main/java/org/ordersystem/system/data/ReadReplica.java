package org.ordersystem.system.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The streaming replica that read-only transactions go to (DATABASE_REPLICA_URL), with its
 * own connection pool. Watched every half second: reachable, still a standby, and how far
 * behind (replay against receipt, in seconds). A read goes to the replica only while it is
 * usable (reachable, standby, at most DATABASE_REPLICA_MAX_LAG behind) and the caller has no
 * write it has not replayed yet; otherwise, and whenever it fails, to the primary. A replica
 * that failed is tried again with a growing back-off. Without DATABASE_REPLICA_URL it is
 * inert: every connection is the primary's, unwrapped.
 */
public final class ReadReplica implements SmartLifecycle {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    /** Replay lag in seconds; caught up (everything received is replayed) is 0. */
    static final String STATE_QUERY = """
            select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
                   case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                        else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 1e9) end
            """;

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    /** What the watcher last saw. */
    public record State(boolean usable, String reason, long replayed, double lagSeconds, Instant since) {
    }

    private final DatabaseProperties.Replica settings;
    private final Clock clock;
    private final HikariDataSource pool;
    private final WritePositions positions;
    private final Counter toReplica;
    private final Counter ownWrite;
    private final Counter replicaUnusable;
    private final Counter replicaFailed;
    private volatile State state;
    private volatile ScheduledExecutorService watcher;
    private int failuresInARow;
    private DataSource primary;

    ReadReplica(DatabaseProperties.Replica settings, StringRedisTemplate redis, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.state = new State(false, settings.configured() ? "not checked yet" : "not configured", 0, Double.NaN,
                clock.instant());
        this.pool = settings.configured() ? pool(settings, meters) : null;
        this.positions = new WritePositions(redis, settings.writeMemory(), clock);
        this.toReplica = routed(meters, "replica", "usable");
        this.ownWrite = routed(meters, "primary", "own_write");
        this.replicaUnusable = routed(meters, "primary", "replica_unusable");
        this.replicaFailed = routed(meters, "primary", "replica_failed");
        if (settings.configured()) { // absent without a replica, so that an alert on them means one
            Gauge.builder("db_replica_lag_seconds", this, replica -> replica.state.lagSeconds())
                    .description("How far the read replica's replay is behind what it received (NaN: unknown)")
                    .register(meters);
            Gauge.builder("db_replica_usable", this, replica -> replica.state.usable() ? 1 : 0)
                    .description("1 while reads may go to the read replica").register(meters);
        }
    }

    private static Counter routed(MeterRegistry meters, String target, String reason) {
        return Counter.builder("db_read_routing").tag("target", target).tag("reason", reason)
                .description("Read-only transactions by the database they were sent to, and why").register(meters);
    }

    private static HikariDataSource pool(DatabaseProperties.Replica settings, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orders-replica");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // a replica that does not answer must not hold a read: the primary serves it instead
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        config.addDataSourceProperty("socketTimeout", "4");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return new HikariDataSource(config);
    }

    public boolean configured() {
        return pool != null;
    }

    public State state() {
        return state;
    }

    /**
     * The service's DataSource: with a replica, a proxy whose read-only transactions take
     * their connection from {@link #readConnection()}; without one, {@code primary} itself.
     */
    DataSource route(DataSource primary) {
        this.primary = primary;
        if (!configured()) {
            return primary;
        }
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(new ReadOnlyConnections(this));
        return proxy;
    }

    /** A connection for a read-only transaction: the replica's when it may serve this caller, else the primary's. */
    Connection readConnection() throws SQLException {
        State current = state;
        if (!current.usable()) {
            replicaUnusable.increment();
            return primary.getConnection();
        }
        String caller = caller();
        if (caller != null && positions.ahead(caller, current.replayed())) {
            ownWrite.increment();
            return primary.getConnection();
        }
        try {
            Connection connection = pool.getConnection();
            ReplicaUse.mark();
            toReplica.increment();
            return connection;
        }
        catch (SQLException ex) {
            failed(ex);
            replicaFailed.increment();
            return primary.getConnection();
        }
    }

    /** After a committed write: the caller's reads stay on the primary until the replica has replayed it. */
    void written() {
        String caller = caller();
        if (!configured() || primary == null || caller == null) {
            return;
        }
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            result.next();
            positions.record(caller, Lsn.parse(result.getString(1)));
        }
        catch (SQLException ex) {
            // the write itself committed; without its position this caller reads the primary for a while
            positions.record(caller, Long.MAX_VALUE);
        }
    }

    /** A read on the replica failed: no reads go there until the watcher has seen it healthy again. */
    void failed(Exception failure) {
        State current = state;
        String cause = cause(failure);
        if (current.usable()) {
            log.warn("Read replica not used: it failed ({}); reads go to the primary until it answers again", cause);
        }
        state = new State(false, "failed: " + cause, current.replayed(), Double.NaN,
                current.usable() ? clock.instant() : current.since());
    }

    /** The driver's own words (no SQL text, no parameters). */
    private static String cause(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    }

    void watch() {
        Duration next = POLL;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(STATE_QUERY)) {
            result.next();
            boolean standby = result.getBoolean(1);
            long replayed = Lsn.parse(result.getString(2));
            double lag = result.getDouble(3);
            failuresInARow = 0;
            if (!standby) {
                update(false, "not a standby: pg_is_in_recovery() is false", replayed, lag);
            }
            else if (lag > usableLag()) {
                update(false, String.format("%.1f s behind: DATABASE_REPLICA_MAX_LAG is %.1f s, less the %.1f s to "
                        + "the next check", lag, settings.maxLag().toMillis() / 1000.0, POLL.toMillis() / 1000.0),
                        replayed, lag);
            }
            else {
                update(true, "in use", replayed, lag);
            }
        }
        catch (SQLException | RuntimeException ex) {
            failuresInARow++;
            update(false, "unreachable: " + cause(ex), state.replayed(), Double.NaN);
            next = POLL.multipliedBy(1L << Math.min(failuresInARow, 6));
            next = next.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : next;
        }
        positions.prune();
        ScheduledExecutorService current = watcher;
        if (current != null && !current.isShutdown()) {
            current.schedule(this::watch, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The most a replica may be behind at a check and still be read from until the next one: the
     * bound less the time to that check, since the lag grows by at most that much meanwhile.
     */
    private double usableLag() {
        return Math.max(0, settings.maxLag().minus(POLL).toMillis() / 1000.0);
    }

    private void update(boolean usable, String reason, long replayed, double lag) {
        State previous = state;
        if (usable != previous.usable()) {
            if (usable) {
                log.info("Read replica in use ({} s behind)", lag);
            }
            else {
                log.warn("Read replica not used: {}; reads go to the primary", reason);
            }
        }
        state = new State(usable, reason, replayed, lag, usable == previous.usable() ? previous.since() : clock.instant());
    }

    @Override
    public void start() {
        if (configured() && watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "read-replica-watch");
                thread.setDaemon(true);
                return thread;
            });
            watcher.execute(this::watch);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = watcher;
        watcher = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** At context close, after the web server has let the last requests finish. */
    public void close() {
        stop();
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    /** The position a {@code pg_lsn} names, as a number that orders like it. */
    public static final class Lsn {

        private Lsn() {
        }

        public static long parse(String text) {
            if (text == null) {
                return 0;
            }
            int slash = text.indexOf('/');
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        }
    }
}
