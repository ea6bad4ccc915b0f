package org.ordersystem.webhook;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.order.OrderService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.ordersystem.system.cache.InvalidationBus;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook module's beans; its workers run on every replica and share the work through the outbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    UrlGuard webhookUrlGuard(WebhookProperties properties) {
        return new UrlGuard(HostResolver.SYSTEM, properties.allowPrivateNetworks(), properties.allowHttp());
    }

    @Bean
    WebhookEndpoints webhookEndpoints(JdbcClient jdbc) {
        return new WebhookEndpoints(jdbc);
    }

    @Bean
    DeliveryOutbox webhookOutbox(JdbcClient jdbc) {
        return new DeliveryOutbox(jdbc);
    }

    @Bean
    WebhookPayloads webhookPayloads(JsonMapper json) {
        return new WebhookPayloads(json);
    }

    @Bean
    Subscriptions webhookSubscriptions(InvalidationBus bus, JdbcClient jdbc) {
        return new Subscriptions(bus, jdbc);
    }

    @Bean
    WebhookService webhookService(WebhookEndpoints endpoints, DeliveryOutbox outbox, Subscriptions subscriptions,
            WebhookPayloads payloads, UrlGuard guard, Clock clock) {
        return new WebhookService(endpoints, outbox, subscriptions, payloads, guard, clock);
    }

    @Bean
    OrderEventRecorder webhookOrderEventRecorder(DeliveryOutbox outbox, Subscriptions subscriptions,
            OrderService orders, WebhookPayloads payloads, Clock clock) {
        return new OrderEventRecorder(outbox, subscriptions, orders, payloads, clock);
    }

    @Bean
    WebhookMetrics webhookMetrics(MeterRegistry registry) {
        return new WebhookMetrics(registry);
    }

    @Bean
    DeliveryWorker webhookDeliveryWorker(DeliveryOutbox outbox, WebhookEndpoints endpoints, UrlGuard guard,
            WebhookMetrics metrics, PlatformTransactionManager transactionManager, WebhookProperties properties,
            Clock clock) {
        return new DeliveryWorker(outbox, endpoints,
                new WebhookHttpClient(guard, properties.timeout(), properties.concurrency()), metrics,
                new TransactionTemplate(transactionManager), properties, clock);
    }
}
