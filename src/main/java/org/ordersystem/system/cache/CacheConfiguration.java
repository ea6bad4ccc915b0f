package org.ordersystem.system.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.cache.CacheType;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Spring Cache on the store chosen by CACHE_TYPE (redis, simple or none), holding the
 * caches the modules declare ({@link CacheDeclaration} beans) and no others: a misspelt
 * name fails instead of creating a cache that never expires. In Redis, values are JSON of
 * the cache's declared type (read in one pass, and no type named in the JSON is ever
 * instantiated) and keys carry a format version ({@code order-backend:v2:...}), so a release
 * that changes a cached type bumps the version instead of reading old entries. A cache that
 * fails is a miss: the call goes to PostgreSQL and succeeds.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

    /** v2: values are JSON of the cache's declared type, without type names (v1 named them). */
    static final String KEY_PREFIX = "order-backend:v2:";

    @Override
    public CacheErrorHandler errorHandler() {
        return new FallThroughCacheErrorHandler();
    }

    @Bean
    @ConditionalOnClass(RedisCacheConfiguration.class)
    @ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
    RedisCacheManagerBuilderCustomizer redisCaches(RedisConnectionFactory connections,
            ObjectProvider<CacheDeclaration> caches) {
        JsonMapper json = JsonMapper.builder().build();
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(KEY_PREFIX)
                .disableCachingNullValues();
        // Spring Data Redis 4 writes asynchronously by default; a put or evict that fails must
        // reach ResilientCache (which then never serves that key stale), not vanish in the background
        // Clearing a cache (after a long outage, see ResilientCache) walks its keys with SCAN, never KEYS.
        RedisCacheWriter writer = RedisCacheWriter.create(connections,
                configurer -> configurer.immediateWrites().collectStatistics().batchStrategy(BatchStrategies.scan(1000)));
        return builder -> {
            builder.cacheWriter(writer).cacheDefaults(defaults).disableCreateOnMissingCache().enableStatistics();
            caches.orderedStream().forEach(cache -> builder.withCacheConfiguration(cache.name(),
                    defaults.entryTtl(cache.timeToLive()).serializeValuesWith(
                            SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(json, cache.type())))));
        };
    }

    /**
     * With the caches in Redis, near caches answer the hot reads in process and this bus keeps
     * them coherent; with the caches in process they are plain local caches; with no caching, off.
     */
    @Bean
    InvalidationBus invalidationBus(CacheProperties cache, ObjectProvider<RedisConnectionFactory> connections,
            ObjectProvider<StringRedisTemplate> redis, MeterRegistry meters, Clock clock) {
        if (cache.getType() == CacheType.REDIS) {
            return InvalidationBus.on(connections.getObject(), redis.getObject(), meters, clock);
        }
        return cache.getType() == CacheType.NONE ? InvalidationBus.off(meters, clock)
                : InvalidationBus.local(meters, clock);
    }

    @Bean
    ResilientCaches resilientCaches(CacheManager manager, Clock clock, ObjectProvider<StringRedisTemplate> redis) {
        return new ResilientCaches(manager, clock, new VersionedPut(redis.getIfAvailable()));
    }

    /** CACHE_TYPE=simple: in-process, with the same time-to-live per cache as in Redis. */
    @Bean
    @ConditionalOnProperty(name = "spring.cache.type", havingValue = "caffeine")
    CacheManagerCustomizer<CaffeineCacheManager> localCaches(ObjectProvider<CacheDeclaration> caches) {
        return manager -> {
            manager.setCacheNames(List.of()); // only the declared caches, none made on demand
            caches.orderedStream().forEach(cache -> manager.registerCustomCache(cache.name(), local(cache)));
        };
    }

    private static com.github.benmanes.caffeine.cache.Cache<Object, Object> local(CacheDeclaration cache) {
        return Caffeine.newBuilder().expireAfterWrite(cache.timeToLive()).maximumSize(cache.localSize()).recordStats()
                .build();
    }

    static final class FallThroughCacheErrorHandler implements CacheErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(FallThroughCacheErrorHandler.class);
        // @Cacheable calls (statistics) cannot skip the store: the window is only for ResilientCache
        private final OutageLog outage = new OutageLog(log, "cache", Clock.systemUTC(), Duration.ZERO);

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
