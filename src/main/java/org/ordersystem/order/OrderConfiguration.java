package org.ordersystem.order;

import org.ordersystem.system.cache.CacheDeclaration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order module's settings and the caches it uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    @Bean
    CacheDeclaration ordersCacheDeclaration(OrderProperties properties) {
        return new CacheDeclaration(OrderCache.NAME, OrderSnapshot.class, properties.cache().ordersTtl(), 100_000);
    }

    @Bean
    CacheDeclaration orderStatisticsCacheDeclaration(OrderProperties properties) {
        return new CacheDeclaration(OrderStatistics.CACHE_NAME, OrderStatistics.Figures.class, properties.cache().statisticsTtl(), 10_000);
    }
}
