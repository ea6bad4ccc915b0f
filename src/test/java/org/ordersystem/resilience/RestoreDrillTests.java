package org.ordersystem.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts.Account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 6: the restore drill on a live database. An instance writes orders and items
 * into a fresh database while {@code scripts/backup-database.sh} dumps it; the dump is
 * restored with {@code scripts/restore-database.sh} into a scratch database and compared,
 * table by table (row count and an MD5 of every row in order), with the source as seen by
 * the snapshot the dump was taken from; the ledger of the writers says which orders must,
 * may and must not be in the copy. A plain dump (pg_dump's own snapshot) is checked against
 * the ledger the same way, and {@code scripts/restore-drill.sh} itself must pass under writes.
 * <p>
 * The embedded PostgreSQL of the other tests is version 17, which the machine's pg_dump
 * (15) cannot dump, so this scenario uses the machine's PostgreSQL on 127.0.0.1:5432 (user
 * postgres, trust), as .ci/run and .ci/check-deploy.sh do; it is skipped where that server
 * or the PostgreSQL client tools are missing.
 */
class RestoreDrillTests {

    static final String SERVER = "127.0.0.1:5432";

    @Test
    void aDumpTakenUnderWritesRestoresExactlyTheStateAtDumpTime() throws Exception {
        assumeThat(tools()).as("pg_dump, pg_restore, psql, createdb, dropdb on PATH").isTrue();
        assumeThat(serverMatchesTools()).as("a PostgreSQL on " + SERVER + " that the local pg_dump can dump").isTrue();
        Figures figures = new Figures("restore-drill");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String source = "resilience_source_" + id;
        String snapshotCopy = "resilience_snapshot_copy_" + id;
        String plainCopy = "resilience_plain_copy_" + id;
        Path work = Files.createTempDirectory("resilience-drill");
        execute("postgres", "create database " + source);
        try {
            Ledger ledger = new Ledger();
            long exportSent;
            long exportReturned;
            long dumpDone;
            Map<String, String> reference;
            Path snapshotDump;
            Path plainDump;
            long plainFrom;
            long plainTo;
            Script.Result drill;
            Map<String, String> drillAfter;
            // in-process cache and limiter: the shared Redis holds the other tests' orders under the same ids
            try (Node app = Node.start("DATABASE_URL=postgresql://postgres@" + SERVER + "/" + source, "REDIS_URL=")) {
                List<Account> users = Workload.users(app.api(), 3);
                try (Workload load = new Workload(ledger, Workload.Router.single("app", app.api()), users,
                        Workload.Mix.writes(), Duration.ofMillis(5))) {
                    load.start();
                    await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(ledger) >= 60);

                    // 1. The backup script on an exported snapshot; the reference state is read in that snapshot.
                    try (Connection snapshot = connect(source)) {
                        snapshot.setAutoCommit(false);
                        snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        snapshot.setReadOnly(true);
                        String snapshotId;
                        exportSent = System.nanoTime();
                        try (Statement statement = snapshot.createStatement();
                                ResultSet result = statement.executeQuery("select pg_export_snapshot()")) {
                            result.next();
                            snapshotId = result.getString(1);
                        }
                        exportReturned = System.nanoTime();
                        reference = digest(snapshot);
                        long before = acknowledged(ledger);
                        Script.Result backup = Script.run(work, Map.of("PGDATABASE", source),
                                "scripts/backup-database.sh", "--output-dir", work.resolve("snapshot").toString(),
                                "--no-upload", "--retention-days", "0", "--snapshot", snapshotId);
                        assertThat(backup.exitCode()).as("backup-database.sh: %s", backup).isZero();
                        snapshotDump = Path.of(backup.lastLine());
                        dumpDone = System.nanoTime();
                        figures.record("orders acknowledged while the snapshot dump ran",
                                acknowledged(ledger) - before);
                        snapshot.commit();
                    }

                    // 2. A plain backup: pg_dump takes its own snapshot at some instant while the script runs.
                    plainFrom = System.nanoTime();
                    Script.Result plain = Script.run(work, Map.of("PGDATABASE", source), "scripts/backup-database.sh",
                            "--output-dir", work.resolve("plain").toString(), "--no-upload", "--retention-days", "0");
                    plainTo = System.nanoTime();
                    assertThat(plain.exitCode()).as("backup-database.sh: %s", plain).isZero();
                    plainDump = Path.of(plain.lastLine());

                    // 3. The drill script itself, under the same writes.
                    long drillFrom = acknowledged(ledger);
                    drill = Script.run(work, Map.of("PGDATABASE", source, "RESTORE_DRILL_PREFIX",
                            "resilience_drill_" + id), "scripts/restore-drill.sh");
                    figures.record("orders acknowledged while restore-drill.sh ran", acknowledged(ledger) - drillFrom);
                    load.stop();
                }
                try (Connection db = connect(source)) {
                    drillAfter = digest(db);
                }
            }

            Script.Result restoreSnapshot = Script.run(work, Map.of(), "scripts/restore-database.sh", "--no-owner",
                    snapshotDump.toString(), snapshotCopy);
            Script.Result restorePlain = Script.run(work, Map.of(), "scripts/restore-database.sh", "--no-owner",
                    plainDump.toString(), plainCopy);
            Map<String, String> restored;
            Ledger.RestoreVerdict snapshotVerdict;
            Ledger.RestoreVerdict plainVerdict;
            try (Connection copy = connect(snapshotCopy)) {
                restored = digest(copy);
                snapshotVerdict = ledger.verifyRestore(copy, exportSent, exportReturned);
            }
            try (Connection copy = connect(plainCopy)) {
                plainVerdict = ledger.verifyRestore(copy, plainFrom, plainTo);
            }
            figures.record("source tables at the snapshot (rows, md5)", reference);
            figures.record("source tables after the writes stopped (rows)", rowsOnly(drillAfter));
            figures.record("snapshot dump", Files.size(snapshotDump) + " bytes, taken in "
                    + (dumpDone - exportReturned) / 1_000_000 + " ms");
            figures.record("snapshot copy vs ledger", snapshotVerdict);
            figures.record("plain dump (" + Files.size(plainDump) + " bytes, " + (plainTo - plainFrom) / 1_000_000
                    + " ms) copy vs ledger", plainVerdict);
            figures.record("restore-drill.sh exit code", drill.exitCode());
            figures.record("restore-drill.sh report", "\n" + drill.stdout());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(restoreSnapshot.exitCode()).as("restore of the snapshot dump: %s", restoreSnapshot).isZero();
            soft.assertThat(restorePlain.exitCode()).as("restore of the plain dump: %s", restorePlain).isZero();
            soft.assertThat(restored).as("restored copy vs the source at the snapshot").isEqualTo(reference);
            soft.assertThat(rowsOnly(drillAfter)).as("the source moved on while the dump ran")
                    .isNotEqualTo(rowsOnly(reference));
            soft.assertThat(snapshotVerdict.problems()).as(snapshotVerdict.toString()).isEmpty();
            soft.assertThat(snapshotVerdict.mustBePresent()).isPositive();
            soft.assertThat(snapshotVerdict.mustBeAbsent()).isPositive();
            soft.assertThat(plainVerdict.problems()).as(plainVerdict.toString()).isEmpty();
            soft.assertThat(drill.exitCode()).as("restore-drill.sh under writes:\n%s", drill).isZero();
            soft.assertThat(drill.stdout()).contains("RESULT: PASS");
            soft.assertAll();
        }
        finally {
            for (String database : List.of(source, snapshotCopy, plainCopy)) {
                execute("postgres", "drop database if exists " + database + " with (force)");
            }
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long acknowledged(Ledger ledger) {
        return ledger.calls(c -> c.kind == Ledger.Kind.CREATE && c.status == 201).size();
    }

    /** Row count and an MD5 of every row, in a fixed order, of each table of the public schema. */
    private static Map<String, String> digest(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' order by 1")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables) {
            try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(
                    "select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text collate \"C\")), '-') "
                            + "from public.\"" + table + "\" t")) {
                result.next();
                digests.put(table, result.getLong(1) + " " + result.getString(2));
            }
        }
        return digests;
    }

    private static Map<String, String> rowsOnly(Map<String, String> digests) {
        Map<String, String> rows = new TreeMap<>();
        digests.forEach((table, digest) -> rows.put(table, digest.substring(0, digest.indexOf(' '))));
        return rows;
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/" + database, properties);
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tools() throws Exception {
        return Script.run(Path.of("."), Map.of(), "bash", "-c",
                "command -v pg_dump && command -v pg_restore && command -v psql && command -v createdb "
                        + "&& command -v dropdb && command -v sha256sum").exitCode() == 0;
    }

    /** The server answers, and pg_dump is at least its major version. */
    private static boolean serverMatchesTools() throws Exception {
        int server;
        try (Connection db = connect("postgres"); Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("show server_version_num")) {
            result.next();
            server = Integer.parseInt(result.getString(1)) / 10000;
        }
        catch (SQLException ex) {
            return false;
        }
        String version = Script.run(Path.of("."), Map.of(), "pg_dump", "--version").stdout()
                .replaceAll("(?s).*?(\\d+)\\.\\d+.*", "$1");
        return Integer.parseInt(version.strip()) >= server;
    }

    /** A command of the repository's scripts, run by bash with the machine's PostgreSQL in PG* variables. */
    static final class Script {

        record Result(int exitCode, String stdout, String stderr) {

            String lastLine() {
                String[] lines = stdout.strip().split("\n");
                return lines[lines.length - 1].strip();
            }

            @Override
            public String toString() {
                return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
            }
        }

        static Result run(Path work, Map<String, String> environment, String... command) throws Exception {
            List<String> line = new ArrayList<>(List.of(command));
            if (command[0].endsWith(".sh")) {
                line.add(0, "bash");
            }
            ProcessBuilder builder = new ProcessBuilder(line);
            builder.environment().remove("DATABASE_URL");
            builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres",
                    "TMPDIR", work.toAbsolutePath().toString()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), out.get(), err.get());
        }

        private static String read(java.io.InputStream in) {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                return "(unreadable: " + ex + ")";
            }
        }
    }
}
