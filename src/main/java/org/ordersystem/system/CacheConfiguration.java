package org.ordersystem.system;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Spring Cache on the store chosen by CACHE_TYPE (redis, simple or none). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {
}
