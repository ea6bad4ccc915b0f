package org.ordersystem.order.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/orders?q=, total_min, total_max: what they find, for whom, and what they refuse. */
@IntegrationTest
class OrderSearchApiTests {

    private final Api api;
    private final Accounts accounts;

    OrderSearchApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @Test
    void findsWordsOfTheNotesAndItemNamesInAnyCaseAllOfThemRequired() {
        Account user = accounts.newUser();
        String word = uniqueWord();
        String other = uniqueWord();
        long inNotes = place(user, "Leave it with the " + word + ", please", item("Plain box", "BOX-1"));
        long inItems = place(user, null, item("Blue " + word + " lamp", null), item(other + " cable", "CAB-1"));
        place(user, "nothing to find here", item("Plain box", "BOX-1"));

        assertThat(search(user, word)).containsExactlyInAnyOrder(inNotes, inItems);
        assertThat(search(user, word.toUpperCase())).containsExactlyInAnyOrder(inNotes, inItems);
        assertThat(search(user, "  " + word + "   " + other + " ")).containsExactly(inItems);
        assertThat(search(user, word + " " + uniqueWord())).isEmpty();
        // whole words: the start of a word is no match
        assertThat(search(user, word.substring(0, word.length() - 2))).isEmpty();
    }

    @Test
    void findsOrdersByTheStartOfASkuInAnyCase() {
        Account user = accounts.newUser();
        String sku = "QX-" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".B_2";
        long order = place(user, null, item("Widget", sku), item("Other", "ZZ-1"));
        place(user, null, item("Widget", "ZZ-2"));

        assertThat(search(user, sku.substring(0, 5))).containsExactly(order);
        assertThat(search(user, sku.substring(0, 6).toLowerCase())).containsExactly(order);
        assertThat(search(user, sku)).containsExactly(order);
        assertThat(search(user, sku + "9")).isEmpty();
        assertThat(search(user, "widget " + sku.substring(0, 5))).containsExactly(order);
    }

    @Test
    void followsItemChangesAndDeletions() {
        Account user = accounts.newUser();
        String before = uniqueWord();
        String after = uniqueWord();
        long order = place(user, null, item("Old " + before, "OLD-1"));
        JsonNode item = api.get("/api/orders/" + order).token(user.token()).send().json().get("items").get(0);

        assertThat(api.patch("/api/orders/" + order + "/items/" + item.get("id").asLong()).token(user.token())
                .json(Map.of("name", "New " + after)).send().status()).isEqualTo(200);
        assertThat(search(user, before)).isEmpty();
        assertThat(search(user, after)).containsExactly(order);

        assertThat(api.post("/api/orders/" + order + "/items").token(user.token())
                .json(item("Added thing", "ADDED-77")).send().status()).isEqualTo(201);
        assertThat(search(user, "added-7")).containsExactly(order);
        assertThat(api.delete("/api/orders/" + order + "/items/" + item.get("id").asLong()).token(user.token())
                .send().status()).isEqualTo(204);
        assertThat(search(user, after)).isEmpty();

        assertThat(api.patch("/api/orders/" + order).token(user.token()).json(Map.of("notes", "now " + before))
                .send().status()).isEqualTo(200);
        assertThat(search(user, before)).containsExactly(order);
    }

    @Test
    void aUserFindsOnlyTheirOwnOrdersAndAnAdminEveryonesOrOneUsers() {
        String word = uniqueWord();
        Account alice = accounts.newUser();
        Account bob = accounts.newUser();
        long alices = place(alice, word, item("A", null));
        long bobs = place(bob, word, item("B", null));
        Account admin = accounts.admin();

        assertThat(search(alice, word)).containsExactly(alices);
        assertThat(search(bob, word)).containsExactly(bobs);
        assertThat(search(admin, word)).containsExactlyInAnyOrder(alices, bobs);
        assertThat(ids(api.get("/api/orders?q=" + word + "&user_id=" + bob.id()).token(admin.token()).send()))
                .containsExactly(bobs);
    }

    @Test
    void filtersByTotalWithBothBoundsInclusive() {
        Account user = accounts.newUser();
        long ten = place(user, null, Map.of("name", "Ten", "quantity", 1, "unit_price", 10));
        long twenty = place(user, null, Map.of("name", "Twenty", "quantity", 2, "unit_price", 10));
        long thirty = place(user, null, Map.of("name", "Thirty", "quantity", 3, "unit_price", 10));

        assertThat(ids(list(user, "total_min=10&total_max=20"))).containsExactlyInAnyOrder(ten, twenty);
        assertThat(ids(list(user, "total_min=20.00"))).containsExactlyInAnyOrder(twenty, thirty);
        assertThat(ids(list(user, "total_max=9.99"))).isEmpty();
        assertThat(ids(list(user, "total_min=30&total_max=30"))).containsExactly(thirty);
    }

    @ParameterizedTest
    @ValueSource(strings = { "total_min=30&total_max=20", "total_min=-1", "total_max=lots", "total_min=1e400000000",
            "total_max=0.001" })
    void refusesABadTotalRange(String query) {
        Account user = accounts.newUser();
        Api.Response response = list(user, query);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "cat & dog", "cat | dog", "!cat", "cat <-> dog", "cat:*", "(cat", "cat)", "ca\\t",
            "cat\u0000", "cat\u0007" })
    void refusesTheOperatorsOfTheTextSearchSyntax(String q) {
        Account user = accounts.newUser();
        Api.Response response = list(user, "q=" + encode(q));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    @Test
    void refusesASearchOfMoreThanTwoHundredCharacters() {
        Account user = accounts.newUser();
        assertThat(list(user, "q=" + "a".repeat(200)).status()).isEqualTo(200);
        Api.Response response = list(user, "q=" + "a".repeat(201));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "   ", "O'Brien's", "\"quoted words\"", "—", "...", "e-mail", "100%", "ünïcödé wörds" })
    void answersAnyOtherSearchWithoutFailing(String q) {
        Account user = accounts.newUser();
        place(user, "O'Brien's e-mail about ünïcödé wörds", item("Thing", null));
        Api.Response response = list(user, "q=" + encode(q));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void findsApostrophesAndAccentsAsWords() {
        Account user = accounts.newUser();
        long order = place(user, "O'Brien's e-mail about ünïcödé wörds", item("Thing", null));
        assertThat(search(user, "o'brien's")).containsExactly(order);
        assertThat(search(user, "E-MAIL Ünïcödé")).containsExactly(order);
    }

    private long place(Account user, String notes, Map<?, ?>... items) {
        Map<String, Object> body = new HashMap<>(Map.of("items", List.of(items)));
        if (notes != null) {
            body.put("notes", notes);
        }
        Api.Response placed = api.post("/api/orders").token(user.token()).json(body).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    private static Map<String, Object> item(String name, String sku) {
        return sku == null ? Map.of("name", name, "quantity", 1, "unit_price", 5)
                : Map.of("name", name, "sku", sku, "quantity", 1, "unit_price", 5);
    }

    private List<Long> search(Account user, String q) {
        Api.Response response = list(user, "q=" + encode(q));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return ids(response);
    }

    private Api.Response list(Account user, String query) {
        return api.get("/api/orders?size=100&" + query).token(user.token()).send();
    }

    private static List<Long> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(order -> ids.add(order.get("id").asLong()));
        return ids;
    }

    /** A word no other test's order holds: letters only, so the parser keeps it whole. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
