package org.ordersystem.order.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

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
import org.ordersystem.support.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 100,000 orders in a database of their own, served by the packaged jar with the image's heap
 * (192 MiB, serial GC, exit on OutOfMemoryError). Their export is larger than the whole heap,
 * so it can only succeed streamed; an export the database fails part-way ends with the
 * connection closed, never as a complete-looking file. A search among them is answered
 * through the search index: the plan of the very statement the application sent says so.
 */
class LargeOrderBookIT {

    private static final String DATABASE = "order_export_it";
    private static final int ORDERS = 100_000;
    private static final long HEAP = 192L * 1024 * 1024;

    private static JarProcess app;
    private static Account owner;

    @BeforeAll
    static void startWithOneHundredThousandOrders() throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        String url = TestServices.get().databaseUrl().replaceFirst("/postgres$", "/" + DATABASE);
        // Hibernate's statements in the log, for the search's plan (a logger name is case-sensitive,
        // which an environment variable cannot spell)
        app = JarProcess.start(Map.of("DATABASE_URL", url), List.of("-Xmx192m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Dlogging.level.org.hibernate.SQL=debug"));
        owner = new Accounts(app.api()).newUser();
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            // 2,000 characters of notes each (200 MB in all), one item each
            sql.execute("""
                    insert into pedidos (id, usuario, status, moeda, total, observacoes, nomes_itens, skus_itens,
                                         data_criacao, data_atualizacao)
                    select 1000000 + g, %d, 'PENDING', 'USD', 10.00,
                           'Order ' || g || ' ' || left(repeat(md5(g::text), 63), 2000 - length(g::text) - 7),
                           'Item ' || g, 'SKU-' || g, now() - g * interval '1 second', now() - g * interval '1 second'
                    from generate_series(1, %d) g""".formatted(owner.id(), ORDERS));
            sql.execute("""
                    insert into itens (id, pedido_id, nome, sku, quantidade, preco_unitario, subtotal)
                    select 1000000 + g, 1000000 + g, 'Item ' || g, 'SKU-' || g, 2, 5.00, 10.00
                    from generate_series(1, %d) g""".formatted(ORDERS));
            connection.commit();
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
        HttpResponse<InputStream> response = export("");
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        long notes = 0;
        CountingStream body = new CountingStream(response.body());
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

        String sent = app.log().lines().map(line -> line.substring(line.indexOf("select ") < 0 ? 0
                : line.indexOf("select "))).filter(line -> line.startsWith("select ")
                && line.contains("pedido_corresponde") && line.contains("order by")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the search statement is not in the application's log"));
        String plan;
        try (Connection connection = connect(DATABASE); Statement sql = connection.createStatement()) {
            var rows = sql.executeQuery("explain " + withValues(sent));
            StringBuilder lines = new StringBuilder();
            while (rows.next()) {
                lines.append(rows.getString(1)).append('\n');
            }
            plan = lines.toString();
        }
        assertThat(plan).as(plan).contains("Bitmap Index Scan on idx_pedidos_busca");
    }

    /** The statement with the request's values where Hibernate sent parameters. */
    private static String withValues(String statement) {
        String[] parts = statement.split("\\?", -1);
        StringBuilder sql = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String before = parts[i - 1];
            String value = before.endsWith("usuario=") ? String.valueOf(owner.id())
                    : before.endsWith(",") && before.contains("pedido_corresponde") ? "'sku-4242'"
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

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestServices.get().jdbcUrl().replaceFirst("/postgres$", "/" + database),
                "postgres", "postgres");
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
