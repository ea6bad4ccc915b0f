package org.ordersystem.order.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The order endpoints of the contract, driven over HTTP against the running application. */
@IntegrationTest
class OrderApiTests {

    private final Api api;
    private final Accounts accounts;
    private Account alice;

    OrderApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @BeforeEach
    void signIn() {
        alice = accounts.newUser();
    }

    static Map<String, Object> item(String name, int quantity, String unitPrice) {
        return Map.of("name", name, "quantity", quantity, "unit_price", new java.math.BigDecimal(unitPrice));
    }

    Api.Response place(Account who, Map<String, Object> body) {
        return api.post("/api/orders").token(who.token()).json(body).send();
    }

    long placeWithItem(Account who) {
        Api.Response placed = place(who, Map.of("items", List.of(item("Widget", 2, "9.99"))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    @Test
    void placesAnOrderWithItemsAnswering201WithLocationAndEtag() {
        Api.Response placed = place(alice, Map.of("items", List.of(item("Widget", 2, "9.99"),
                Map.of("name", "Gadget", "sku", "GAD-1.x_y", "quantity", 1, "unit_price", 0.5)),
                "notes", "leave at door", "currency", "EUR"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + order.get("id").asLong());
        assertThat(placed.header("ETag")).isEqualTo("\"" + order.get("version").asLong() + "\"");
        assertThat(order.get("user_id").asLong()).isEqualTo(alice.id());
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("currency").asString()).isEqualTo("EUR");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("20.48");
        assertThat(order.get("item_count").asInt()).isEqualTo(2);
        assertThat(order.get("items").get(0).get("line_total").decimalValue()).isEqualByComparingTo("19.98");
        assertThat(order.get("items").get(1).get("sku").asString()).isEqualTo("GAD-1.x_y");
        assertThat(order.get("items").get(0).has("order_total")).isFalse();
        assertThat(order.get("notes").asString()).isEqualTo("leave at door");
        assertThat(order.get("created_at").asString()).endsWith("Z");
        assertThat(order.get("allowed_transitions").toString()).isEqualTo("[\"CONFIRMED\",\"CANCELLED\"]");
    }

    @Test
    void anEmptyOrderGetsTheDefaultCurrencyAndCannotBeConfirmed() {
        Api.Response placed = place(alice, Map.of());

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.field("currency")).isEqualTo("USD");
        assertThat(placed.json().get("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(placed.json().get("allowed_transitions").toString()).isEqualTo("[\"CANCELLED\"]");
        long id = placed.json().get("id").asLong();

        Api.Response confirm = api.patch("/api/orders/" + id + "/status").token(alice.token())
                .json(Map.of("status", "CONFIRMED")).send();
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.field("error_code")).isEqualTo("ORDER_EMPTY");
    }

    @Test
    void getAnswersWithEtagAnd304WhenUnchanged() {
        long id = placeWithItem(alice);

        Api.Response order = api.get("/api/orders/" + id).token(alice.token()).send();
        assertThat(order.status()).isEqualTo(200);
        String etag = order.header("ETag");
        assertThat(etag).isEqualTo("\"" + order.json().get("version").asLong() + "\"");

        Api.Response notModified = api.get("/api/orders/" + id).token(alice.token()).header("If-None-Match", etag).send();
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);

        api.patch("/api/orders/" + id).token(alice.token()).json(Map.of("notes", "changed")).send();
        assertThat(api.get("/api/orders/" + id).token(alice.token()).header("If-None-Match", etag).send().status())
                .isEqualTo(200);
    }

    @Test
    void staleIfMatchIsRefusedWith412AndChangesNothing() {
        long id = placeWithItem(alice);
        String etag = api.get("/api/orders/" + id).token(alice.token()).send().header("ETag");
        assertThat(api.patch("/api/orders/" + id).token(alice.token()).header("If-Match", etag)
                .json(Map.of("notes", "first")).send().status()).isEqualTo(200);

        Api.Response stale = api.patch("/api/orders/" + id).token(alice.token()).header("If-Match", etag)
                .json(Map.of("notes", "second")).send();
        Api.Response staleItem = api.post("/api/orders/" + id + "/items").token(alice.token()).header("If-Match", etag)
                .json(item("Late", 1, "1.00")).send();
        Api.Response staleStatus = api.patch("/api/orders/" + id + "/status").token(alice.token())
                .header("If-Match", etag).json(Map.of("status", "CANCELLED")).send();
        Api.Response staleDelete = api.delete("/api/orders/" + id).token(alice.token()).header("If-Match", etag).send();

        for (Api.Response response : List.of(stale, staleItem, staleStatus, staleDelete)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(412);
            assertThat(response.field("error_code")).isEqualTo("PRECONDITION_FAILED");
        }
        JsonNode order = api.get("/api/orders/" + id).token(alice.token()).send().json();
        assertThat(order.get("notes").asString()).isEqualTo("first");
        assertThat(order.get("item_count").asInt()).isEqualTo(1);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void notesChangeWhilePendingOrConfirmedOnly() {
        long id = placeWithItem(alice);
        assertThat(api.patch("/api/orders/" + id).token(alice.token()).json(Map.of("notes", "a")).send().status())
                .isEqualTo(200);
        transition(alice, id, "CONFIRMED", 200);
        Api.Response confirmed = api.patch("/api/orders/" + id).token(alice.token()).json(Map.of("notes", "b")).send();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.field("notes")).isEqualTo("b");
        transition(alice, id, "CANCELLED", 200);

        Api.Response cancelled = api.patch("/api/orders/" + id).token(alice.token()).json(Map.of("notes", "c")).send();
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.field("error_code")).isEqualTo("ORDER_NOT_MODIFIABLE");
    }

    @Test
    void ownerConfirmsAndCancelsButOnlyAnAdminShipsAndDelivers() {
        Account admin = accounts.admin();
        long id = placeWithItem(alice);

        Api.Response confirmed = transition(alice, id, "CONFIRMED", 200);
        assertThat(confirmed.json().get("allowed_transitions").toString()).isEqualTo("[\"CANCELLED\"]");
        Api.Response userShips = transition(alice, id, "SHIPPED", 403);
        assertThat(userShips.field("error_code")).isEqualTo("INSUFFICIENT_PERMISSIONS");

        Api.Response adminView = api.get("/api/orders/" + id).token(admin.token()).send();
        assertThat(adminView.json().get("allowed_transitions").toString()).isEqualTo("[\"SHIPPED\",\"CANCELLED\"]");
        transition(admin, id, "SHIPPED", 200);
        Api.Response cancelShipped = transition(alice, id, "CANCELLED", 409);
        assertThat(cancelShipped.field("error_code")).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(cancelShipped.field("current_status")).isEqualTo("SHIPPED");
        assertThat(cancelShipped.json().get("allowed_transitions").toString()).isEqualTo("[\"DELIVERED\"]");
        Api.Response delivered = api.patch("/api/orders/" + id + "/status").token(admin.token())
                .json(Map.of("status", "DELIVERED", "reason", "signed by customer")).send();
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().get("allowed_transitions").size()).isZero();

        JsonNode history = api.get("/api/orders/" + id + "/history").token(alice.token()).send().json();
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(0).get("from_status").isNull()).isTrue();
        assertThat(history.get(0).get("to_status").asString()).isEqualTo("PENDING");
        assertThat(history.get(0).get("changed_by").asLong()).isEqualTo(alice.id());
        assertThat(history.get(1).get("to_status").asString()).isEqualTo("CONFIRMED");
        assertThat(history.get(2).get("changed_by").asLong()).isEqualTo(admin.id());
        assertThat(history.get(3).get("from_status").asString()).isEqualTo("SHIPPED");
        assertThat(history.get(3).get("reason").asString()).isEqualTo("signed by customer");
    }

    @Test
    void refusesUnknownStatusesAndTransitionsTheLifecycleDoesNotHave() {
        long id = placeWithItem(alice);

        assertThat(transition(alice, id, "PAID", 400).field("error_code")).isEqualTo("VALIDATION_FAILED");
        assertThat(transition(alice, id, "PENDING", 409).field("error_code")).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(transition(alice, id, "DELIVERED", 409).field("error_code")).isEqualTo("INVALID_STATUS_TRANSITION");
        transition(alice, id, "CANCELLED", 200);
        Api.Response again = transition(alice, id, "CONFIRMED", 409);
        assertThat(again.json().get("allowed_transitions").size()).isZero();
    }

    @Test
    void deletesPendingOrdersOnly() {
        long pending = placeWithItem(alice);
        assertThat(api.delete("/api/orders/" + pending).token(alice.token()).send().status()).isEqualTo(204);
        assertThat(api.get("/api/orders/" + pending).token(alice.token()).send().status()).isEqualTo(404);

        long confirmed = placeWithItem(alice);
        transition(alice, confirmed, "CONFIRMED", 200);
        Api.Response refused = api.delete("/api/orders/" + confirmed).token(alice.token()).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("error_code")).isEqualTo("ORDER_NOT_MODIFIABLE");
    }

    @Test
    void itemsAreAddedChangedAndRemovedWhilePendingKeepingTheTotal() {
        long id = placeWithItem(alice);

        Api.Response added = api.post("/api/orders/" + id + "/items").token(alice.token())
                .json(Map.of("name", "Bolt", "sku", "B-1", "quantity", 10, "unit_price", 0.25)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long itemId = added.json().get("id").asLong();
        assertThat(added.header("Location")).isEqualTo("/api/orders/" + id + "/items/" + itemId);
        assertThat(added.json().get("order_id").asLong()).isEqualTo(id);
        assertThat(added.json().get("line_total").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(added.json().get("order_total").decimalValue()).isEqualByComparingTo("22.48");

        Api.Response changed = api.patch("/api/orders/" + id + "/items/" + itemId).token(alice.token())
                .json(Map.of("quantity", 4, "sku", "")).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("line_total").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(changed.json().get("sku").isNull()).isTrue();
        assertThat(changed.json().get("order_total").decimalValue()).isEqualByComparingTo("20.98");

        JsonNode items = api.get("/api/orders/" + id + "/items").token(alice.token()).send().json();
        assertThat(items.size()).isEqualTo(2);

        assertThat(api.delete("/api/orders/" + id + "/items/" + itemId).token(alice.token()).send().status())
                .isEqualTo(204);
        JsonNode order = api.get("/api/orders/" + id).token(alice.token()).send().json();
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("19.98");
        assertThat(order.get("item_count").asInt()).isEqualTo(1);
    }

    @Test
    void itemsCannotChangeOnceTheOrderIsConfirmed() {
        long id = placeWithItem(alice);
        long itemId = api.get("/api/orders/" + id).token(alice.token()).send().json().at("/items/0/id").asLong();
        transition(alice, id, "CONFIRMED", 200);

        Api.Response add = api.post("/api/orders/" + id + "/items").token(alice.token()).json(item("X", 1, "1")).send();
        Api.Response change = api.patch("/api/orders/" + id + "/items/" + itemId).token(alice.token())
                .json(Map.of("quantity", 5)).send();
        Api.Response remove = api.delete("/api/orders/" + id + "/items/" + itemId).token(alice.token()).send();

        for (Api.Response response : List.of(add, change, remove)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.field("error_code")).isEqualTo("ORDER_NOT_MODIFIABLE");
        }
    }

    @Test
    void unknownItemIs404AndTheHundredAndFirstItemIsRefused() {
        long id = placeWithItem(alice);
        Api.Response missing = api.patch("/api/orders/" + id + "/items/999999999").token(alice.token())
                .json(Map.of("quantity", 2)).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.field("error_code")).isEqualTo("ITEM_NOT_FOUND");

        List<Map<String, Object>> hundred = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> item("Part " + i, 1, "1.00")).toList();
        Api.Response full = place(alice, Map.of("items", hundred));
        assertThat(full.status()).isEqualTo(201);
        Api.Response oneMore = api.post("/api/orders/" + full.json().get("id").asLong() + "/items")
                .token(alice.token()).json(item("Extra", 1, "1.00")).send();
        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(oneMore.field("error_code")).isEqualTo("ITEM_LIMIT_REACHED");

        List<Map<String, Object>> tooMany = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> item("Part " + i, 1, "1.00")).toList();
        assertThat(place(alice, Map.of("items", tooMany)).field("error_code")).isEqualTo("ITEM_LIMIT_REACHED");
    }

    @Test
    void anotherUsersOrderIsNotFoundOnEveryRoute() {
        long id = placeWithItem(alice);
        long itemId = api.get("/api/orders/" + id).token(alice.token()).send().json().at("/items/0/id").asLong();
        Account mallory = accounts.newUser();
        String base = "/api/orders/" + id;

        List<Api.Response> attempts = List.of(
                api.get(base).token(mallory.token()).send(),
                api.patch(base).token(mallory.token()).json(Map.of("notes", "x")).send(),
                api.patch(base + "/status").token(mallory.token()).json(Map.of("status", "CANCELLED")).send(),
                api.delete(base).token(mallory.token()).send(),
                api.get(base + "/history").token(mallory.token()).send(),
                api.get(base + "/items").token(mallory.token()).send(),
                api.post(base + "/items").token(mallory.token()).json(item("X", 1, "1")).send(),
                api.patch(base + "/items/" + itemId).token(mallory.token()).json(Map.of("quantity", 3)).send(),
                api.delete(base + "/items/" + itemId).token(mallory.token()).send());

        for (Api.Response attempt : attempts) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
            assertThat(attempt.field("error_code")).isEqualTo("ORDER_NOT_FOUND");
        }
        JsonNode order = api.get(base).token(alice.token()).send().json();
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("item_count").asInt()).isEqualTo(1);
        assertThat(order.get("notes").isNull()).isTrue();
        assertThat(api.get("/api/orders").token(mallory.token()).send().json().at("/page/total_elements").asLong())
                .isZero();
    }

    @Test
    void listsOwnOrdersFilteredSortedAndPaged() {
        long first = placeWithItem(alice);
        long second = placeWithItem(alice);
        long third = placeWithItem(alice);
        transition(alice, second, "CANCELLED", 200);
        placeWithItem(accounts.newUser());

        JsonNode all = api.get("/api/orders?size=2&sort=id,asc").token(alice.token()).send().json();
        assertThat(all.at("/page/total_elements").asLong()).isEqualTo(3);
        assertThat(all.at("/page/total_pages").asInt()).isEqualTo(2);
        assertThat(all.at("/page/size").asInt()).isEqualTo(2);
        assertThat(all.at("/content/0/id").asLong()).isEqualTo(first);
        assertThat(all.at("/content/1/id").asLong()).isEqualTo(second);
        JsonNode next = api.get("/api/orders?size=2&page=1&sort=id,asc").token(alice.token()).send().json();
        assertThat(next.at("/content/0/id").asLong()).isEqualTo(third);

        JsonNode pending = api.get("/api/orders?status=PENDING,CONFIRMED&sort=created_at,desc").token(alice.token())
                .send().json();
        assertThat(pending.at("/page/total_elements").asLong()).isEqualTo(2);
        assertThat(pending.at("/content/0/id").asLong()).isEqualTo(third);
        assertThat(pending.at("/content/0/items/0/name").asString()).isEqualTo("Widget");

        JsonNode future = api.get("/api/orders?created_from=2999-01-01T00:00:00Z").token(alice.token()).send().json();
        assertThat(future.at("/page/total_elements").asLong()).isZero();
        JsonNode byTotal = api.get("/api/orders?sort=total,desc").token(alice.token()).send().json();
        assertThat(byTotal.at("/content").size()).isEqualTo(3);
    }

    @Test
    void badListParametersAre400WithTheParameterNamed() {
        Map<String, String> bad = Map.of(
                "size=0", "size", "size=101", "size", "page=-1", "page", "size=abc", "size",
                "status=SHIPPED,NOPE", "status", "sort=price,asc", "sort", "sort=id,sideways", "sort",
                "created_from=yesterday", "created_from",
                "created_from=2026-02-01T00:00:00Z&created_to=2026-01-01T00:00:00Z", "created_from",
                "user_id=abc", "user_id");
        bad.forEach((query, field) -> {
            Api.Response response = api.get("/api/orders?" + query).token(alice.token()).send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.field("error_code")).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().at("/errors/0/field").asString()).as(query).isEqualTo(field);
        });
    }

    @Test
    void adminSeesEveryonesOrdersAndPlacesOrdersForUsers() {
        Account admin = accounts.admin();
        long id = placeWithItem(alice);

        assertThat(api.get("/api/orders/" + id).token(admin.token()).send().status()).isEqualTo(200);
        JsonNode filtered = api.get("/api/orders?user_id=" + alice.id()).token(admin.token()).send().json();
        assertThat(filtered.at("/page/total_elements").asLong()).isEqualTo(1);

        Api.Response forAlice = place(admin, Map.of("user_id", alice.id(), "items", List.of(item("Gift", 1, "5"))));
        assertThat(forAlice.status()).isEqualTo(201);
        assertThat(forAlice.json().get("user_id").asLong()).isEqualTo(alice.id());
        JsonNode history = api.get("/api/orders/" + forAlice.json().get("id").asLong() + "/history")
                .token(alice.token()).send().json();
        assertThat(history.get(0).get("changed_by").asLong()).isEqualTo(admin.id());

        Api.Response nobody = place(admin, Map.of("user_id", 987654321012L));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.field("error_code")).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void regularUsersCannotActForOthers() {
        Account bob = accounts.newUser();

        Api.Response placeForBob = place(alice, Map.of("user_id", bob.id()));
        assertThat(placeForBob.status()).isEqualTo(403);
        assertThat(placeForBob.field("error_code")).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/orders?user_id=" + bob.id()).token(alice.token()).send().status()).isEqualTo(403);
        assertThat(api.get("/api/orders/statistics?user_id=" + bob.id()).token(alice.token()).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/orders").token(bob.token()).send().json().at("/page/total_elements").asLong())
                .isZero();
    }

    @Test
    void statisticsCountOwnOrdersByStatusAndValue() {
        placeWithItem(alice);
        long confirmed = placeWithItem(alice);
        transition(alice, confirmed, "CONFIRMED", 200);
        long cancelled = placeWithItem(alice);
        transition(alice, cancelled, "CANCELLED", 200);

        JsonNode stats = api.get("/api/orders/statistics").token(alice.token()).send().json();

        assertThat(stats.get("total_orders").asLong()).isEqualTo(3);
        assertThat(stats.at("/by_status/PENDING").asLong()).isEqualTo(1);
        assertThat(stats.at("/by_status/CONFIRMED").asLong()).isEqualTo(1);
        assertThat(stats.at("/by_status/CANCELLED").asLong()).isEqualTo(1);
        assertThat(stats.at("/by_status/SHIPPED").asLong()).isZero();
        assertThat(stats.get("total_value").decimalValue()).isEqualByComparingTo("39.96");
        assertThat(stats.get("average_value").decimalValue()).isEqualByComparingTo("19.98");

        JsonNode adminView = api.get("/api/orders/statistics?user_id=" + alice.id()).token(accounts.admin().token())
                .send().json();
        assertThat(adminView.get("total_orders").asLong()).isEqualTo(3);
    }

    /** Figures are cached, yet a writer's next read shows its write (read your writes). */
    @Test
    void statisticsShowTheWritersOwnChangesAtOnce() {
        Account user = accounts.newUser();
        Account admin = accounts.admin();
        long first = placeWithItem(user);
        String own = "/api/orders/statistics";
        String ofUser = "/api/orders/statistics?user_id=" + user.id();
        assertThat(api.get(own).token(user.token()).send().json().get("total_orders").asLong()).isEqualTo(1);
        assertThat(api.get(ofUser).token(admin.token()).send().json().get("total_orders").asLong()).isEqualTo(1);
        long allBefore = api.get(own).token(admin.token()).send().json().get("total_orders").asLong();

        long second = placeWithItem(user);
        assertThat(api.get(own).token(user.token()).send().json().get("total_orders").asLong()).isEqualTo(2);
        transition(user, second, "CANCELLED", 200);
        assertThat(api.get(own).token(user.token()).send().json().at("/by_status/CANCELLED").asLong()).isEqualTo(1);

        transition(admin, first, "CONFIRMED", 200);
        assertThat(api.get(ofUser).token(admin.token()).send().json().at("/by_status/CONFIRMED").asLong())
                .isEqualTo(1);
        assertThat(api.get(own).token(admin.token()).send().json().get("total_orders").asLong())
                .isGreaterThanOrEqualTo(allBefore + 1);
        assertThat(api.get(own).token(user.token()).send().json().at("/by_status/CONFIRMED").asLong()).isEqualTo(1);
    }

    @Test
    void requiresABearerToken() {
        Api.Response response = api.get("/api/orders").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("error_code")).isEqualTo("UNAUTHENTICATED");
    }

    Api.Response transition(Account who, long id, String status, int expected) {
        Api.Response response = api.patch("/api/orders/" + id + "/status").token(who.token())
                .json(Map.of("status", status)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        return response;
    }
}
