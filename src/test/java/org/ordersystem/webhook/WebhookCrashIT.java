package org.ordersystem.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.JarProcess;
import org.ordersystem.support.TestServicesExtension;
import org.ordersystem.webhook.Webhooks.Endpoint;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar killed (SIGKILL) while a committed event's delivery is in flight: another
 * instance started afterwards takes the attempt over once its lease has expired, and the
 * receiver gets the event with the same webhook-id.
 */
@ExtendWith(TestServicesExtension.class)
class WebhookCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SETTINGS = Map.of("WEBHOOK_ALLOW_HTTP", "true",
            "WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true", "ADMIN_EMAIL", Accounts.ADMIN_EMAIL, "ADMIN_PASSWORD",
            Accounts.ADMIN_PASSWORD, "ORDER_WEBHOOKS_TIMEOUT", "5s", "ORDER_WEBHOOKS_LEASE", "10s",
            "ORDER_WEBHOOKS_POLL_INTERVAL", "200ms");

    @Test
    void anEventWhoseDeliveryWasInFlightWhenTheInstanceDiedIsDeliveredAfterARestart() {
        try (TestReceiver receiver = new TestReceiver().holding()) {
            Endpoint endpoint;
            long orderId;
            String firstId;
            try (JarProcess first = JarProcess.start(SETTINGS)) {
                Api api = first.api();
                Accounts accounts = new Accounts(api);
                Webhooks webhooks = new Webhooks(api, accounts.admin().token());
                endpoint = webhooks.create(receiver.url("/crash"), "order.placed");
                orderId = api.post("/api/orders").token(accounts.newUser().token())
                        .json(Map.of("items", List.of(Map.of("name", "Lamp", "quantity", 1, "unit_price", 9)))).send()
                        .json().get("id").asLong();
                // the attempt has reached the receiver, which does not answer: it is in flight when the process dies
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
                firstId = receiver.received().get(0).id();
            }
            receiver.release();
            receiver.answering(200);

            try (JarProcess second = JarProcess.start(SETTINGS)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 2);
                TestReceiver.Received redelivered = receiver.received().get(1);
                assertThat(redelivered.id()).isEqualTo(firstId);
                assertThat(JSON.readTree(redelivered.body()).get("data").get("id").asLong()).isEqualTo(orderId);
                assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), redelivered)).isTrue();

                Api api = second.api();
                Webhooks webhooks = new Webhooks(api, new Accounts(api).admin().token());
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        webhooks.deliveries(endpoint.id())).singleElement().satisfies(delivery -> {
                            assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
                            assertThat(delivery.get("event_id").asString()).isEqualTo(firstId);
                        }));
                api.delete("/api/webhooks/" + endpoint.id()).token(new Accounts(api).admin().token()).send();
            }
        }
    }
}
