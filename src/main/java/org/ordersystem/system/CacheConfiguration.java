package org.ordersystem.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cache on the store chosen by CACHE_TYPE (redis, simple or none). A cache that
 * fails (Redis down or slow) is treated as a miss: the call goes to PostgreSQL and the
 * request succeeds; the outage is logged once, not per request.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

    @Override
    public CacheErrorHandler errorHandler() {
        return new FallThroughCacheErrorHandler();
    }

    static final class FallThroughCacheErrorHandler implements CacheErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(FallThroughCacheErrorHandler.class);
        private final OutageLog outage = new OutageLog(log, "cache");

        @Override
        public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
            outage.failed(exception);
        }

        @Override
        public void handleCachePutError(RuntimeException exception, Cache cache, Object key, Object value) {
            outage.failed(exception);
        }

        @Override
        public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
            outage.failed(exception);
        }

        @Override
        public void handleCacheClearError(RuntimeException exception, Cache cache) {
            outage.failed(exception);
        }
    }
}
