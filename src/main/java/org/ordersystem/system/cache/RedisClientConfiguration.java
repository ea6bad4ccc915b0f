package org.ordersystem.system.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reconnects to a returning Redis within a second instead of Lettuce's default back-off
 * of up to 30 s, so the cache is used again as soon as Redis is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "order.redis.enabled", havingValue = "true")
class RedisClientConfiguration {

    @Bean
    ClientResourcesBuilderCustomizer quickReconnect() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }
}
