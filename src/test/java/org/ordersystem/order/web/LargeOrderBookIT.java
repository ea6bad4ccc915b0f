package org.ordersystem.order.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.JarProcess;
import org.ordersystem.support.PrometheusText;
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 100,000 orders in a database of their own, served by the packaged jar with the image's heap
 * (192 MiB pinned, serial GC, exit on OutOfMemoryError). Their export is larger than the whole
 * heap, so it can only succeed streamed, and the application's live heap stays flat while it
 * streams; an export the database fails part-way ends with the connection closed, never as a
 * complete-looking file. A search among them, for a SKU prefix or for a word of the notes and
 * item names, is answered through the search index: the plan of the very statement the
 * application sent says so.
 */
class LargeOrderBookIT {

    private static final String DATABASE = "order_export_it";
    private static final int ORDERS = 100_000;
    private static final long MIB = 1024 * 1024;
    private static final long HEAP = 192 * MIB;
    /** A word of four orders' notes and of four other orders' item names, and of no other order. */
    private static final String RARE_WORD = "Teapot";
    /** How much of the export is read between two samples of the application's heap. */
    private static final long SAMPLE_EVERY = 32 * MIB;
    /** The most the live heap may gain while an export streams: a sixth of the file, or less. */
    private static final double EXPORT_HEAP_GROWTH_BOUND_MIB = 32;
    /** The most the live heap may be at any sample: a streamed export's is far below the heap. */
    private static final double LIVE_HEAP_BOUND_MIB = 128;
    private static final Pattern PID = Pattern.compile("with PID (\\d+)");

    private static JarProcess app;
    private static Account owner;

    @BeforeAll
    static void startWithOneHundredThousandOrders() throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        String url = TestServices.get().databaseUrl().replaceFirst("/postgres$", "/" + DATABASE);
        // The image's heap, pinned as its JAVA_TOOL_OPTIONS pin it (initial = maximum = 37.5 % of the
        // 512 MiB pod); Hibernate's statements in the log, for the search's plan (a logger name is
        // case-sensitive, which an environment variable cannot spell)
        app = JarProcess.start(Map.of("DATABASE_URL", url), List.of("-Xms192m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Dlogging.level.org.hibernate.SQL=debug"));
        owner = new Accounts(app.api()).newUser();
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            // 2,000 characters of notes each (200 MB in all), one item each; the rare word begins the
            // notes of orders 7, 25007, 50007 and 75007 and is the item of orders 11, 25011, 50011, 75011
            sql.execute("""
                    insert into pedidos (id, usuario, status, moeda, total, observacoes, nomes_itens, skus_itens,
                                         data_criacao, data_atualizacao)
                    select 1000000 + g, %1$d, 'PENDING', 'USD', 10.00,
                           w || ' ' || g || ' ' || left(repeat(md5(g::text), 63), 1999 - length(w || ' ' || g)),
                           case when g %% 25000 = 11 then '%2$s ' else 'Item ' end || g, 'SKU-' || g,
                           now() - g * interval '1 second', now() - g * interval '1 second'
                    from generate_series(1, %3$d) g,
                         lateral (select case when g %% 25000 = 7 then '%2$s' else 'Order' end as w) notes
                    """.formatted(owner.id(), RARE_WORD, ORDERS));
            sql.execute("""
                    insert into itens (id, pedido_id, nome, sku, quantidade, preco_unitario, subtotal)
                    select 1000000 + g, 1000000 + g, case when g %% 25000 = 11 then '%s ' else 'Item ' end || g,
                           'SKU-' || g, 2, 5.00, 10.00
                    from generate_series(1, %d) g""".formatted(RARE_WORD, ORDERS));
            connection.commit();
            // committed, as autovacuum's would be: statistics an ANALYZE writes in a transaction that is
            // never committed vanish with it, and the search plans below would rest on default estimates
            connection.setAutoCommit(true);
            sql.execute("analyze pedidos");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        if (app != null) {
            app.close();
        }
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void exportsEveryOrderInAFileLargerThanTheHeap() throws Exception {
        long pid = pid();
        double liveBefore = liveHeapMiB(pid);
        HttpResponse<InputStream> response = export("");
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        long notes = 0;
        // Every SAMPLE_EVERY bytes the test stops reading and measures the application's live heap
        // while the export is open mid-file (its cursor and writer blocked on the full socket).
        List<Double> liveDuring = new ArrayList<>();
        CountingStream body = new CountingStream(response.body(), SAMPLE_EVERY,
                () -> liveDuring.add(liveHeapMiB(pid)));
        try (CSVParser parser = csv().parse(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (CSVRecord row : parser) {
                rows++;
                notes += row.get("notes").length();
                if (rows == 1) {
                    assertThat(row.get("user_id")).isEqualTo(String.valueOf(owner.id()));
                    assertThat(row.get("total")).isEqualTo("10.00");
                    assertThat(row.get("item_count")).isEqualTo("1");
                }
            }
        }
        assertThat(rows).isEqualTo(ORDERS);
        assertThat(notes).isEqualTo(2_000L * ORDERS);
        assertThat(body.count()).isGreaterThan(HEAP);
        assertThat(app.api().get("/health/liveness").send().status()).isEqualTo(200);

        // The live heap (heap in use right after a full collection forced with jcmd GC.run), not the
        // heap in use at a random moment: that one includes the young generation's garbage, so it
        // swings by tens of MiB whatever the export does, and the old generation alone only shrinks
        // at a full collection, which a streamed export may never cause. The live heap is what an
        // export that kept what it had sent (rows, entities in a persistence context, a buffered
        // response) would grow: at these samples 32 to 192 MiB of CSV have gone through, so keeping
        // even a sixth of it breaks the growth bound; a streamed export holds one fetch of 500 rows
        // (about 1 MiB of notes) and the writers' buffers, and its samples stay within a few MiB of
        // the live heap before the export. Both bounds stay far from what loading the file would
        // need (more than the whole heap, an OutOfMemoryError that stops the JVM and the test).
        String measured = "live heap " + liveBefore + " MiB before the export, " + liveDuring + " MiB during it";
        System.out.println("Export of " + body.count() / MIB + " MiB: " + measured);
        assertThat(liveDuring).as(measured).hasSizeGreaterThanOrEqualTo((int) (HEAP / SAMPLE_EVERY) - 1);
        double maxDuring = liveDuring.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(maxDuring).as(measured).isLessThan(LIVE_HEAP_BOUND_MIB)
                .isLessThan(liveBefore + EXPORT_HEAP_GROWTH_BOUND_MIB);
        assertThat(liveDuring.get(liveDuring.size() - 1) - liveDuring.get(0)).as(measured + ": no growth over "
                + (liveDuring.size() - 1) * SAMPLE_EVERY / MIB + " MiB of export").isLessThan(16);
    }

    @Test
    void exportsEveryLine() throws Exception {
        HttpResponse<InputStream> response = export("lines=true");
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        try (CSVParser parser = csv().parse(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (CSVRecord row : parser) {
                rows++;
                assertThat(row.get("line_total")).isEqualTo("10.00");
            }
        }
        assertThat(rows).isEqualTo(ORDERS);
    }

    @Test
    void anExportTheDatabaseFailsPartWayEndsWithTheConnectionClosed() throws Exception {
        HttpResponse<InputStream> response = export("");
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
            try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
                var killed = sql.executeQuery("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = '%s' and state <> 'idle' and query like 'select%%observacoes%%'"""
                        .formatted(DATABASE));
                killed.next();
                assertThat(killed.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> body.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class);
        }
        assertThat(app.log()).contains("An export stopped after");
        assertThat(app.api().get("/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void aSearchForARareSkuPrefixUsesTheSearchIndex() throws Exception {
        Api.Response found = app.api().get("/api/orders?q=sku-4242&size=100").token(owner.token()).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        // SKU-4242 and SKU-42420 … SKU-42429
        assertThat(found.json().get("page").get("total_elements").asLong()).isEqualTo(11);

        String plan = planOfTheLastSearch("sku-4242");
        assertThat(plan).as(plan).contains("Bitmap Index Scan on idx_pedidos_busca");
    }

    @Test
    void aSearchForARareWordOfTheNotesAndItemNamesUsesTheSearchIndex() throws Exception {
        String word = RARE_WORD.toLowerCase(Locale.ROOT);
        Api.Response found = app.api().get("/api/orders?q=" + word + "&size=100").token(owner.token()).send();
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        // the four orders whose notes begin with the word and the four whose item it names
        List<Long> ids = new ArrayList<>();
        found.json().get("content").forEach(order -> ids.add(order.get("id").asLong()));
        assertThat(ids).containsExactlyInAnyOrder(1_000_007L, 1_025_007L, 1_050_007L, 1_075_007L, 1_000_011L,
                1_025_011L, 1_050_011L, 1_075_011L);

        String plan = planOfTheLastSearch(word);
        assertThat(plan).as(plan).contains("Bitmap Index Scan on idx_pedidos_busca");
    }

    /** The plan of the last page of a search the application sent, with {@code q} as its terms. */
    private static String planOfTheLastSearch(String q) throws SQLException {
        String sent = app.log().lines().map(line -> line.substring(line.indexOf("select ") < 0 ? 0
                : line.indexOf("select "))).filter(line -> line.startsWith("select ")
                && line.contains("pedido_corresponde") && line.contains("order by")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the search statement is not in the application's log"));
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            var rows = sql.executeQuery("explain " + withValues(sent, q));
            StringBuilder lines = new StringBuilder();
            while (rows.next()) {
                lines.append(rows.getString(1)).append('\n');
            }
            return lines.toString();
        }
    }

    /** The statement with the request's values where Hibernate sent parameters ({@code q} a plain term). */
    private static String withValues(String statement, String q) {
        assertThat(q).matches("[a-z0-9-]+");
        String[] parts = statement.split("\\?", -1);
        StringBuilder sql = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String before = parts[i - 1];
            String value = before.endsWith("usuario=") ? String.valueOf(owner.id())
                    : before.endsWith(",") && before.contains("pedido_corresponde") ? "'" + q + "'"
                    : before.endsWith("offset ") ? "0" : "100";
            sql.append(value).append(parts[i]);
        }
        return sql.toString();
    }

    private static HttpResponse<InputStream> export(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/orders/export?" + query)).header("Authorization", "Bearer " + owner.token()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static CSVFormat csv() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    /** The application's heap in use right after a full collection in its JVM, in MiB (as OverloadIT). */
    private static double liveHeapMiB(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                    .start();
            String said = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(gc.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gc.exitValue()).as(said).isZero();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        Api.Response metrics = app.api().get("/metrics").send();
        assertThat(metrics.status()).isEqualTo(200);
        return PrometheusText.parse(metrics.text()).stream().filter(s -> s.name().equals("jvm_memory_used_bytes"))
                .filter(s -> "heap".equals(s.labels().get("area"))).mapToDouble(PrometheusText.Sample::value).sum()
                / MIB;
    }

    private static long pid() {
        Matcher matcher = PID.matcher(app.log());
        assertThat(matcher.find()).as("the application logs its PID").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestServices.get().jdbcUrl().replaceFirst("/postgres$", "/" + database),
                "postgres", "postgres");
    }

    /** Counts the bytes read through it, and runs {@code sample} each time another {@code every} bytes are read. */
    private static final class CountingStream extends FilterInputStream {

        private final long every;
        private final Runnable sample;
        private long count;

        CountingStream(InputStream in, long every, Runnable sample) {
            super(in);
            this.every = every;
            this.sample = sample;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            long crossed = (count + n) / every - count / every;
            count += n;
            if (crossed > 0) {
                sample.run();
            }
        }

        long count() {
            return count;
        }
    }
}
