package org.ordersystem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A private PostgreSQL primary and its hot standby, kept in sync by streaming replication:
 * made with the machine's PostgreSQL binaries ({@code initdb}, {@code pg_basebackup -R},
 * {@code pg_ctl}; Debian's {@code /usr/lib/postgresql/<version>/bin}), each on its own port,
 * for the read-replica tests. Run as the {@code postgres} user when the tests run as root
 * (PostgreSQL refuses root).
 */
public final class StreamingReplica implements AutoCloseable {

    private final Path bin;
    private final Path root;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingReplica(Path bin, Path root, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.root = root;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    public static StreamingReplica start() {
        Path bin = binaries();
        try {
            Path root = Files.createTempDirectory("order-backend-replica-");
            StreamingReplica replica = new StreamingReplica(bin, root, TestServices.freePort(), TestServices.freePort());
            replica.create();
            return replica;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("pg_basebackup")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no pg_basebackup under /usr/lib/postgresql"));
        }
        catch (IOException ex) {
            throw new IllegalStateException("The read-replica tests need PostgreSQL's binaries "
                    + "(/usr/lib/postgresql/<version>/bin: initdb, pg_basebackup, pg_ctl)", ex);
        }
    }

    private void create() {
        if (asRoot()) {
            run(List.of("chown", "postgres", root.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", primary().toString(), "-U", "postgres", "-A", "trust",
                "--no-sync", "-E", "UTF8"), true);
        append(primary().resolve("postgresql.conf"), "port = " + primaryPort, "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + root + "'", "wal_level = replica", "max_wal_senders = 4",
                "fsync = off", "synchronous_commit = on", "max_connections = 60");
        pgCtl(primary(), "start");
        run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primaryPort),
                "-U", "postgres", "-D", standby().toString(), "-R", "-X", "stream"), true);
        append(standby().resolve("postgresql.conf"), "port = " + standbyPort, "hot_standby = on",
                "hot_standby_feedback = on");
        startStandby();
    }

    public String primaryUrl() {
        return "postgresql://postgres@127.0.0.1:" + primaryPort + "/postgres";
    }

    public String standbyUrl() {
        return "postgresql://postgres@127.0.0.1:" + standbyPort + "/postgres";
    }

    /** Stops replaying WAL on the standby (it still receives it): from now on it falls behind. */
    public void pauseReplay() {
        standbySql("select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        standbySql("select pg_wal_replay_resume()");
    }

    /** Fast shutdown, as an operator or a crash would: open sessions are cut. */
    public void stopStandby() {
        pgCtl(standby(), "stop");
    }

    public void startStandby() {
        pgCtl(standby(), "start");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "t".equals(standbySql("select pg_is_in_recovery()")));
    }

    /** The primary's current WAL position, as {@code pg_lsn} text. */
    public String primaryPosition() {
        return sql(primaryPort, "select pg_current_wal_lsn()::text");
    }

    /** True once the standby has replayed up to {@code position}. */
    public boolean replayed(String position) {
        return "t".equals(standbySql("select pg_last_wal_replay_lsn() >= '" + position + "'::pg_lsn"));
    }

    public String standbySql(String query) {
        return sql(standbyPort, query);
    }

    private static String sql(int port, String query) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", null); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(query + " on port " + port + ": " + ex.getMessage(), ex);
        }
    }

    private Path primary() {
        return root.resolve("primary");
    }

    private Path standby() {
        return root.resolve("standby");
    }

    private void pgCtl(Path data, String action) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", data.resolveSibling(data.getFileName() + ".log").toString(), "-w", "-t", "60"));
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        command.add(action);
        run(command, true);
    }

    private static void append(Path file, String... lines) {
        try {
            Files.writeString(file, "\n" + String.join("\n", lines) + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        for (Path data : List.of(standby(), primary())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    pgCtl(data, "stop");
                }
                catch (IllegalStateException ex) {
                    // already gone; the directory goes below
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary directory; nothing depends on its removal
        }
    }
}
