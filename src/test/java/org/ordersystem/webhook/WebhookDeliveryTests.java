package org.ordersystem.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordersystem.order.OrderService;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.webhook.TestReceiver.Received;
import org.ordersystem.webhook.Webhooks.Endpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Order events reach a real receiver, signed, once each, retried until they are taken. */
@IntegrationTest
class WebhookDeliveryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Api api;
    private final Accounts accounts;
    private final Webhooks webhooks;
    private final OrderService orders;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final TestReceiver receiver = new TestReceiver();

    WebhookDeliveryTests(@LocalServerPort int port, @Autowired OrderService orders,
            @Autowired TransactionTemplate transactions, @Autowired JdbcClient jdbc) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.webhooks = new Webhooks(api, accounts.admin().token());
        this.orders = orders;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @AfterEach
    void cleanUp() {
        webhooks.deleteAll();
        receiver.close();
    }

    @Test
    void aPlacedOrderIsDeliveredOnceSignedSoThatAnIndependentCheckAcceptsIt() {
        Endpoint endpoint = webhooks.create(receiver.url("/hooks/orders?tenant=7"), "order.placed");
        Account alice = accounts.newUser();

        long orderId = placeOrder(alice);

        Received request = awaitOne(WebhookEvents.ORDER_PLACED, orderId);
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body() + " "))
                .as("a changed body fails the check").isFalse();
        assertThat(StandardWebhooksVerifier.signatures(request)).hasSize(1);
        assertThat(UUID.fromString(request.id())).isNotNull();
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 1);
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header(":path")).isEqualTo("/hooks/orders?tenant=7");

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("order.placed");
        assertThat(Instant.parse(body.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
        JsonNode order = body.get("data");
        assertThat(order.get("id").asLong()).isEqualTo(orderId);
        assertThat(order.get("user_id").asLong()).isEqualTo(alice.id());
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(order.get("item_count").asInt()).isEqualTo(1);
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Mug");
        assertThat(order.get("items").get(0).get("order_id").asLong()).isEqualTo(orderId);
        assertThat(order.get("allowed_transitions")).isNotEmpty();

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(endpoint.id())).singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
                    assertThat(delivery.get("event_id").asString()).isEqualTo(request.id());
                    assertThat(delivery.get("event_type").asString()).isEqualTo("order.placed");
                    assertThat(delivery.get("attempt").asInt()).isEqualTo(1);
                    assertThat(delivery.get("response_status").asInt()).isEqualTo(204);
                    assertThat(delivery.get("error").isNull()).isTrue();
                    assertThat(delivery.get("duration_ms").asInt()).isGreaterThanOrEqualTo(0);
                }));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received().size() == 1);
    }

    @Test
    void eachEndpointGetsTheEventTypesItSubscribedToAndNothingElse() {
        Endpoint all = webhooks.create(receiver.url("/all"), "order.placed", "order.status_changed",
                "order.updated", "order.deleted");
        webhooks.create(receiver.url("/deleted"), "order.deleted");
        Account bob = accounts.newUser();

        long kept = placeOrder(bob);
        assertThat(api.patch("/api/orders/" + kept).token(bob.token()).json(Map.of("notes", "ring twice")).send()
                .status()).isEqualTo(200);
        Api.Response item = api.post("/api/orders/" + kept + "/items").token(bob.token())
                .json(Map.of("name", "Tea", "quantity", 1, "unit_price", 4)).send();
        assertThat(item.status()).isEqualTo(201);
        long itemId = item.json().get("id").asLong();
        assertThat(api.patch("/api/orders/" + kept + "/items/" + itemId).token(bob.token())
                .json(Map.of("quantity", 2)).send().status()).isEqualTo(200);
        assertThat(api.delete("/api/orders/" + kept + "/items/" + itemId).token(bob.token()).send().status())
                .isEqualTo(204);
        assertThat(api.patch("/api/orders/" + kept + "/status").token(bob.token())
                .json(Map.of("status", "CONFIRMED")).send().status()).isEqualTo(200);
        long deleted = placeOrder(bob);
        assertThat(api.delete("/api/orders/" + deleted).token(bob.token()).send().status()).isEqualTo(204);

        await().atMost(WAIT).until(() -> receiver.received(r -> r.header(":path").equals("/all")).size() >= 8);
        await().atMost(WAIT).until(() -> receiver.received(r -> r.header(":path").equals("/deleted")).size() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received().size() == 9);

        List<String> keptEvents = receiver.received(r -> r.header(":path").equals("/all")).stream()
                .map(r -> JSON.readTree(r.body())).filter(body -> body.get("data").get("id").asLong() == kept)
                .sorted(Comparator.comparingLong(body -> body.get("data").get("version").asLong()))
                .map(body -> body.get("type").asString()).toList();
        assertThat(keptEvents).containsExactly("order.placed", "order.updated", "order.updated", "order.updated",
                "order.updated", "order.status_changed");
        JsonNode deletedEvent = receiver.received(r -> r.header(":path").equals("/deleted")).stream()
                .map(r -> JSON.readTree(r.body())).findFirst().orElseThrow();
        assertThat(deletedEvent.get("type").asString()).isEqualTo("order.deleted");
        assertThat(deletedEvent.get("data").propertyNames()).containsExactly("id");
        assertThat(deletedEvent.get("data").get("id").asLong()).isEqualTo(deleted);
        assertThat(receiver.received(r -> r.header(":path").equals("/all")).stream()
                .allMatch(r -> StandardWebhooksVerifier.verifies(all.secret(), r))).isTrue();
    }

    @Test
    void aReceiverThatIsDownGetsTheEventAfterARetryWithTheSameWebhookId() {
        receiver.stop();
        Endpoint endpoint = webhooks.create(receiver.url("/down"), "order.placed");
        long orderId = placeOrder(accounts.newUser());

        await().atMost(WAIT).until(() -> webhooks.deliveries(endpoint.id()).stream()
                .anyMatch(d -> d.get("status").asString().equals("failed")));
        receiver.start();
        Received request = awaitOne(WebhookEvents.ORDER_PLACED, orderId);

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> deliveries = webhooks.deliveries(endpoint.id());
            assertThat(deliveries.get(0).get("status").asString()).isEqualTo("succeeded");
            assertThat(deliveries.get(0).get("attempt").asInt()).isEqualTo(deliveries.size());
            assertThat(deliveries).allSatisfy(d -> assertThat(d.get("event_id").asString()).isEqualTo(request.id()));
            JsonNode first = deliveries.get(deliveries.size() - 1);
            assertThat(first.get("attempt").asInt()).isEqualTo(1);
            assertThat(first.get("status").asString()).isEqualTo("failed");
            assertThat(first.get("error").asString()).isEqualTo("connection refused");
            assertThat(first.get("response_status").isNull()).isTrue();
            assertThat(first.get("next_attempt_at").isNull()).isFalse();
        });
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), request)).isTrue();
    }

    @Test
    void aFailingAnswerIsRetriedAndRecordedWithItsStatus() {
        receiver.answering(500);
        Endpoint endpoint = webhooks.create(receiver.url("/error"), "order.placed");
        long orderId = placeOrder(accounts.newUser());

        await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
        receiver.answering(200);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(endpoint.id()).get(0).get("status")
                .asString()).isEqualTo("succeeded"));
        List<JsonNode> deliveries = webhooks.deliveries(endpoint.id());
        assertThat(deliveries.subList(1, deliveries.size())).allSatisfy(failed -> {
            assertThat(failed.get("status").asString()).isEqualTo("failed");
            assertThat(failed.get("response_status").asInt()).isEqualTo(500);
            assertThat(failed.get("error").asString()).isEqualTo("HTTP 500");
        });
        assertThat(receiver.received().stream().map(Received::id).distinct()).hasSize(1);
        assertThat(JSON.readTree(receiver.received().get(0).body()).get("data").get("id").asLong()).isEqualTo(orderId);
    }

    @Test
    void aSlowReceiverIsCutOffAtTheTimeoutAndTheEventRetried() {
        receiver.delaying(Duration.ofSeconds(5));
        Endpoint endpoint = webhooks.create(receiver.url("/slow"), "order.placed");
        placeOrder(accounts.newUser());

        await().atMost(WAIT).until(() -> webhooks.deliveries(endpoint.id()).stream()
                .anyMatch(d -> d.get("status").asString().equals("failed")));
        receiver.delaying(Duration.ZERO);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(endpoint.id()).get(0).get("status")
                .asString()).isEqualTo("succeeded"));
        JsonNode first = webhooks.deliveries(endpoint.id()).get(webhooks.deliveries(endpoint.id()).size() - 1);
        assertThat(first.get("error").asString()).isEqualTo("timed out after 2000 ms");
        // the test context's timeout is 2 s; the receiver would have answered after 5 s
        assertThat(first.get("duration_ms").asInt()).isBetween(1900, 4500);
        assertThat(receiver.received().stream().map(Received::id).distinct()).hasSize(1);
    }

    @Test
    void aRolledBackWriteSendsNothing() {
        webhooks.create(receiver.url("/updates"), "order.updated");
        Account carol = accounts.newUser();
        long orderId = placeOrder(carol);
        CurrentUser owner = new CurrentUser(carol.id(), carol.email(), "Test User", false);

        transactions.executeWithoutResult(status -> {
            orders.changeNotes(owner, orderId, null, "rolled back");
            status.setRollbackOnly();
        });
        assertThat(api.patch("/api/orders/" + orderId).token(carol.token()).json(Map.of("notes", "committed")).send()
                .status()).isEqualTo(200);

        Received committed = awaitOne(WebhookEvents.ORDER_UPDATED, orderId);
        assertThat(JSON.readTree(committed.body()).get("data").get("notes").asString()).isEqualTo("committed");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received().size() == 1);
        assertThat(jdbc.sql("select count(*) from webhook_events where payload like :notes")
                .param("notes", "%rolled back%").query(Long.class).single()).isZero();
    }

    @Test
    void afterARotationBothSecretsSignForADay() {
        Endpoint endpoint = webhooks.create(receiver.url("/rotated"), "order.placed");
        Api.Response rotated = webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.field("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());

        assertThat(webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/test").status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Received request = receiver.received().get(0);
        assertThat(JSON.readTree(request.body()).get("type").asString()).isEqualTo("webhook.test");
        assertThat(StandardWebhooksVerifier.signatures(request)).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verifies(newSecret, request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(WebhookSecret.generate(), request)).as("an unrelated secret")
                .isFalse();
    }

    @Test
    void theRotatedOutSecretStopsSigningOnceItsDayIsOver() {
        Endpoint endpoint = webhooks.create(receiver.url("/expired"), "order.placed");
        Instant before = Instant.now();
        Api.Response rotated = webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret");
        Instant after = Instant.now();
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.field("secret");
        Instant rotatedAt = Instant.parse(rotated.field("updated_at"));
        Instant expires = jdbc.sql("select previous_secret_expires_at from webhook_endpoints where id = :id")
                .param("id", endpoint.id()).query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
        // the rotation's own time (its answer's updated_at, the same clock reading) plus exactly a day,
        // and that time is the moment of the request (a second's tolerance either side)
        assertThat(expires).isEqualTo(rotatedAt.plus(Duration.ofHours(24)));
        assertThat(expires).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(1),
                after.plus(Duration.ofHours(24)).plusSeconds(1));

        // as if the rotation had been a day and a second ago. The worker reads the secrets from this
        // row with each claim (DeliveryOutbox.claim joins webhook_endpoints); no cache holds them (the
        // near cache of Subscriptions holds subscribed event types only, and a test event bypasses it)
        assertThat(jdbc.sql("""
                update webhook_endpoints
                set previous_secret_expires_at = previous_secret_expires_at - interval '24 hours 1 second'
                where id = :id""").param("id", endpoint.id()).update()).isEqualTo(1);
        assertThat(webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/test").status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Received request = receiver.received().get(0);
        assertThat(JSON.readTree(request.body()).get("type").asString()).isEqualTo("webhook.test");
        assertThat(StandardWebhooksVerifier.signatures(request)).singleElement()
                .satisfies(signature -> assertThat(signature).startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verifies(newSecret, request)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), request)).as("the expired secret")
                .isFalse();
    }

    @Test
    void aDeliveryCanBeMadeAgainByHandWithTheSameWebhookId() {
        Endpoint endpoint = webhooks.create(receiver.url("/again"), "order.placed");
        assertThat(webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/test").status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> webhooks.deliveries(endpoint.id()).stream()
                .anyMatch(d -> d.get("status").asString().equals("succeeded")));
        long deliveryId = webhooks.deliveries(endpoint.id()).get(0).get("id").asLong();

        assertThat(webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/deliveries/" + deliveryId
                + "/redeliver").status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).id()).isEqualTo(receiver.received().get(0).id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(endpoint.id()))
                .extracting(d -> d.get("attempt").asInt() + " " + d.get("status").asString())
                .containsExactly("2 succeeded", "1 succeeded"));
        assertThat(webhooks.send("POST", "/api/webhooks/" + endpoint.id() + "/deliveries/999999999/redeliver")
                .field("error_code")).isEqualTo("WEBHOOK_NOT_FOUND");
    }

    @Test
    void anEndpointFailingForTheWholeRetryPeriodIsDeactivated() {
        receiver.stop();
        Endpoint endpoint = webhooks.create(receiver.url("/gone"), "order.placed");
        double before = deactivations();
        placeOrder(accounts.newUser());
        // as if the event had been recorded three days ago: its next failure is its last
        jdbc.sql("""
                update webhook_events set created_at = now() - interval '3 days'
                where id in (select event_id from webhook_deliveries where endpoint_id = :id)""")
                .param("id", endpoint.id()).update();

        await().atMost(WAIT).until(() -> !webhooks.send("GET", "/api/webhooks/" + endpoint.id()).json()
                .get("active").asBoolean());
        JsonNode last = webhooks.deliveries(endpoint.id()).get(0);
        assertThat(last.get("status").asString()).isEqualTo("failed");
        assertThat(last.get("next_attempt_at").isNull()).isTrue();
        assertThat(webhooks.deliveries(endpoint.id())).noneMatch(d -> d.get("status").asString().equals("pending"));
        assertThat(deactivations()).isEqualTo(before + 1);
    }

    @Test
    void oldEventsAreDeletedOnceNothingWaitsForThem(@Autowired DeliveryWorker worker) {
        receiver.stop();
        Endpoint endpoint = webhooks.create(receiver.url("/old"), "order.placed");
        UUID settled = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID id : List.of(settled, waiting, recent)) {
            jdbc.sql("insert into webhook_events (id, type, payload, created_at) values (:id, 'order.placed', '{}',"
                    + " now() - (case when :id = :recent then interval '1 day' else interval '40 days' end))")
                    .param("id", id).param("recent", recent).update();
            jdbc.sql("""
                    insert into webhook_deliveries (endpoint_id, event_id, attempt, status, created_at, next_attempt_at)
                    values (:endpoint, :id, 1, case when :id = :waiting then 'pending' else 'failed' end, now(),
                            now() + interval '1 hour')""")
                    .param("endpoint", endpoint.id()).param("id", id).param("waiting", waiting).update();
        }

        worker.deleteSettled();

        assertThat(jdbc.sql("select id from webhook_events where id in (:ids)")
                .param("ids", List.of(settled, waiting, recent)).query(UUID.class).list())
                .containsExactlyInAnyOrder(waiting, recent);
        assertThat(webhooks.deliveries(endpoint.id())).extracting(d -> d.get("event_id").asString())
                .containsExactlyInAnyOrder(waiting.toString(), recent.toString());
    }

    private double deactivations() {
        return api.get("/metrics").send().text().lines()
                .filter(line -> line.startsWith("webhooks_endpoints_deactivated_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private long placeOrder(Account owner) {
        Api.Response placed = api.post("/api/orders").token(owner.token())
                .json(Map.of("items", List.of(Map.of("name", "Mug", "quantity", 2, "unit_price", 3.5)))).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    private Received awaitOne(String type, long orderId) {
        await().atMost(WAIT).until(() -> !matching(type, orderId).isEmpty());
        return matching(type, orderId).get(0);
    }

    private List<Received> matching(String type, long orderId) {
        return receiver.received(r -> {
            JsonNode body = JSON.readTree(r.body());
            return body.get("type").asString().equals(type) && body.get("data").get("id").asLong() == orderId;
        });
    }
}
