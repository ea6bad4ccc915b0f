package org.ordersystem.order.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/orders/export read back by a real CSV parser: what it holds, how it quotes, whose orders. */
@IntegrationTest
class OrderExportApiTests {

    private static final List<String> ORDER_COLUMNS = List.of("id", "user_id", "status", "currency", "item_count",
            "total", "created_at", "updated_at", "notes");
    private static final List<String> LINE_COLUMNS = List.of("order_id", "user_id", "status", "currency",
            "order_total", "created_at", "updated_at", "item_id", "name", "sku", "quantity", "unit_price",
            "line_total");

    private final Api api;
    private final Accounts accounts;

    OrderExportApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void oneRowPerOrderOfTheCallerWithTheContractsColumnsAsTheApiShowsThem() {
        Account user = accounts.newUser();
        JsonNode first = place(user, "First, \"quoted\" order\nwith two lines", item("Lamp", "LMP-1", 2, "12.50"));
        JsonNode second = place(user, null, item("Cable", null, 1, "3"), item("Plug", null, 3, "1.10"));
        place(accounts.newUser(), "someone else's", item("Other", null, 1, "1"));

        Api.Response export = export(user, "");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(export.header("Content-Disposition")).startsWith("attachment; filename=\"orders-")
                .endsWith(".csv\"");
        assertThat(export.text()).startsWith(String.join(",", ORDER_COLUMNS) + "\r\n").endsWith("\r\n");
        List<CSVRecord> rows = parse(export.text(), ORDER_COLUMNS);
        // newest first, like the list
        assertThat(rows).extracting(row -> row.get("id")).containsExactly(second.get("id").asString(),
                first.get("id").asString());
        CSVRecord row = rows.get(1);
        assertThat(row.get("user_id")).isEqualTo(String.valueOf(user.id()));
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("currency")).isEqualTo("USD");
        assertThat(row.get("item_count")).isEqualTo("1");
        assertThat(row.get("total")).isEqualTo("25.00");
        assertThat(row.get("created_at")).isEqualTo(first.get("created_at").asString());
        assertThat(row.get("updated_at")).isEqualTo(first.get("updated_at").asString());
        assertThat(row.get("notes")).isEqualTo("First, \"quoted\" order\nwith two lines");
        assertThat(rows.get(0).get("item_count")).isEqualTo("2");
        assertThat(rows.get(0).get("total")).isEqualTo("6.30");
        assertThat(rows.get(0).get("notes")).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        Account user = accounts.newUser();
        for (String notes : List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2-3", "@SUM(A1)", "\tTab",
                "\rReturn", "plain, with comma", "Café ☕ ünïcödé")) {
            place(user, notes, item(notes.strip().isEmpty() ? "x" : "=cmd|' /C calc'!A0", "SKU-1", 1, "1"));
        }

        List<String> notes = parse(export(user, "sort=id,asc").text(), ORDER_COLUMNS).stream()
                .map(row -> row.get("notes")).toList();

        assertThat(notes).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")", "'+1+2", "'-2-3", "'@SUM(A1)",
                "'\tTab", "'\rReturn", "plain, with comma", "Café ☕ ünïcödé");
        List<CSVRecord> lines = parse(export(user, "lines=true").text(), LINE_COLUMNS);
        assertThat(lines).hasSize(8).allSatisfy(line -> assertThat(line.get("name")).isEqualTo("'=cmd|' /C calc'!A0"));
    }

    @Test
    void oneRowPerItemWithLinesTrueAndNoneForAnOrderWithoutItems() {
        Account user = accounts.newUser();
        JsonNode order = place(user, null, item("Desk, oak", "DSK-1", 1, "250"), item("Chair \"Ergo\"", null, 4,
                "80.25"));
        place(user, null);

        List<CSVRecord> lines = parse(export(user, "lines=true").text(), LINE_COLUMNS);

        assertThat(lines).hasSize(2);
        JsonNode items = order.get("items");
        for (int i = 0; i < 2; i++) {
            CSVRecord line = lines.get(i);
            assertThat(line.get("order_id")).isEqualTo(order.get("id").asString());
            assertThat(line.get("item_id")).isEqualTo(items.get(i).get("id").asString());
            assertThat(line.get("name")).isEqualTo(items.get(i).get("name").asString());
            assertThat(line.get("order_total")).isEqualTo("571.00");
        }
        assertThat(lines.get(0).get("sku")).isEqualTo("DSK-1");
        assertThat(lines.get(1).get("sku")).isEmpty();
        assertThat(lines.get(1).get("quantity")).isEqualTo("4");
        assertThat(lines.get(1).get("unit_price")).isEqualTo("80.25");
        assertThat(lines.get(1).get("line_total")).isEqualTo("321.00");
    }

    @Test
    void appliesTheListsFilters() {
        Account user = accounts.newUser();
        String word = OrderSearchApiTests.uniqueWord();
        JsonNode match = place(user, "about " + word, item("A", null, 1, "50"));
        place(user, "about " + word, item("B", null, 1, "500"));
        place(user, "unrelated", item("C", null, 1, "50"));
        JsonNode confirmed = place(user, null, item("D", null, 1, "5"));
        assertThat(api.patch("/api/orders/" + confirmed.get("id").asLong() + "/status").token(user.token())
                .json(Map.of("status", "CONFIRMED")).send().status()).isEqualTo(200);

        assertThat(ids(export(user, "q=" + word + "&total_max=100"))).containsExactly(match.get("id").asString());
        assertThat(ids(export(user, "status=CONFIRMED"))).containsExactly(confirmed.get("id").asString());
        assertThat(ids(export(user, "created_from=2000-01-01T00:00:00Z&created_to=2000-01-02T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void anAdminExportsEveryonesOrdersOrOneUsersAndAUserNeverAnotherOnes() {
        Account alice = accounts.newUser();
        Account bob = accounts.newUser();
        String word = OrderSearchApiTests.uniqueWord();
        String alices = place(alice, word, item("A", null, 1, "1")).get("id").asString();
        String bobs = place(bob, word, item("B", null, 1, "1")).get("id").asString();
        Account admin = accounts.admin();

        assertThat(ids(export(admin, "q=" + word))).containsExactlyInAnyOrder(alices, bobs);
        assertThat(ids(export(admin, "q=" + word + "&user_id=" + bob.id()))).containsExactly(bobs);
        assertThat(ids(export(alice, "q=" + word))).containsExactly(alices);

        Api.Response refused = export(alice, "user_id=" + bob.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("error_code")).isEqualTo("INSUFFICIENT_PERMISSIONS");
    }

    @Test
    void anEmptyExportIsTheHeaderRow() {
        Account user = accounts.newUser();
        Api.Response export = export(user, "");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).isEqualTo(String.join(",", ORDER_COLUMNS) + "\r\n");
        assertThat(export(user, "lines=true").text()).isEqualTo(String.join(",", LINE_COLUMNS) + "\r\n");
    }

    @Test
    void badParametersAreProblemsNotFiles() {
        Account user = accounts.newUser();
        for (String query : List.of("q=" + URLEncoder.encode("a & b", StandardCharsets.UTF_8), "total_min=5&total_max=1",
                "status=LOST", "sort=notes,asc", "lines=maybe", "q=" + "x".repeat(201))) {
            Api.Response response = api.get("/api/orders/export?" + query).token(user.token())
                    .header("Accept", "text/csv").send();
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get("/api/orders/export").send().status()).isEqualTo(401);
    }

    private JsonNode place(Account user, String notes, Map<?, ?>... items) {
        Map<String, Object> body = new HashMap<>(Map.of("items", List.of(items)));
        if (notes != null) {
            body.put("notes", notes);
        }
        Api.Response placed = api.post("/api/orders").token(user.token()).json(body).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    private static Map<String, Object> item(String name, String sku, int quantity, String unitPrice) {
        Map<String, Object> item = new HashMap<>(Map.of("name", name, "quantity", quantity, "unit_price",
                new BigDecimal(unitPrice)));
        if (sku != null) {
            item.put("sku", sku);
        }
        return item;
    }

    private Api.Response export(Account user, String query) {
        return api.get("/api/orders/export?" + query).token(user.token()).send();
    }

    private static List<String> ids(Api.Response export) {
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        return parse(export.text(), ORDER_COLUMNS).stream().map(row -> row.get("id")).toList();
    }

    static List<CSVRecord> parse(String csv, List<String> columns) {
        try {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            var parser = format.parse(new StringReader(csv));
            assertThat(parser.getHeaderNames()).isEqualTo(columns);
            return parser.getRecords();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
