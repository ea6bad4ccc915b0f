package org.ordersystem.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.system.problem.ProblemWriter;
import org.ordersystem.system.web.ClientAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * RATELIMIT_DEFAULT applied to /api/**, in Redis when RATELIMIT_STORAGE_URL (default
 * REDIS_URL) is set, in process otherwise. The filter runs inside Spring Security's chain,
 * after the access token has been read and before authorization decides: a request refused
 * 401 or 403 is counted too (against the client's address when no valid token identified
 * the caller), and a caller over the limit gets 429 on every path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /**
     * The application's Redis client when the limiter's store is the application's Redis (the
     * default); a client of its own only when RATELIMIT_STORAGE_URL names another one.
     */
    @Bean
    LimiterRedis limiterRedis(RateLimitProperties properties, ObjectProvider<DataRedisProperties> redis,
            ObjectProvider<StringRedisTemplate> templates) {
        DataRedisProperties application = redis.getIfAvailable();
        if (properties.inProcess()) {
            return LimiterRedis.none();
        }
        if (application != null && properties.storageUrl().equals(application.getUrl())) {
            return LimiterRedis.shared(templates.getObject());
        }
        return LimiterRedis.own(properties.storageUrl(), properties.password(), properties.timeout());
    }

    @Bean
    BucketStore bucketStore(LimiterRedis redis, MeterRegistry meters) {
        if (redis.template() == null) {
            return new LocalBucketStore();
        }
        return new FallbackBucketStore(new LeasedBucketStore(new RedisBucketStore(redis.template())),
                new LocalBucketStore(), redis.template(), meters);
    }

    /** Spring Security applies every {@code Customizer<HttpSecurity>} bean to the chains it builds. */
    @Bean
    Customizer<HttpSecurity> rateLimiting(BucketStore store, RateLimitProperties properties,
            ClientAddress clientAddress, ProblemWriter problems, MeterRegistry meters) {
        RateLimitFilter filter = new RateLimitFilter(store, properties.limits(), clientAddress, problems, meters);
        return http -> http.addFilterBefore(filter, AuthorizationFilter.class);
    }
}
