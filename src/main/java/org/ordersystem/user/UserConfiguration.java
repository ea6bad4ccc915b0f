package org.ordersystem.user;

import org.ordersystem.system.cache.CacheDeclaration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user module's settings and the cache it uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
class UserConfiguration {

    @Bean
    CacheDeclaration userStatusCacheDeclaration(UserProperties properties) {
        return new CacheDeclaration(UserStatusCache.NAME, UserStatus.class, properties.userStatusTtl(), 100_000);
    }
}
