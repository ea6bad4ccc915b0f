package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.system.problem.ProblemWriter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /** Redis is connected on first use, so start-up never waits for it and a Redis that is down at start is fine. */
    @Bean(destroyMethod = "")
    BucketStore bucketStore(RateLimitProperties properties, MeterRegistry meters) {
        if (properties.inProcess()) {
            return new LocalBucketStore();
        }
        return new FallbackBucketStore(
                new LazyRedisStore(properties.storageUrl(), properties.password(), properties.timeout()),
                new LocalBucketStore(), meters);
    }

    /** Spring Security applies every {@code Customizer<HttpSecurity>} bean to the chains it builds. */
    @Bean
    Customizer<HttpSecurity> rateLimiting(BucketStore store, RateLimitProperties properties,
            ClientAddress clientAddress, ProblemWriter problems, MeterRegistry meters) {
        RateLimitFilter filter = new RateLimitFilter(store, properties.limits(), clientAddress, problems, meters);
        return http -> http.addFilterBefore(filter, AuthorizationFilter.class);
    }

    /** A Redis store that connects on first use; after a failed connect it waits 5 s before trying again. */
    static final class LazyRedisStore implements BucketStore {

        private final String url;
        private final String password;
        private final Duration timeout;
        private volatile RedisBucketStore delegate;
        private volatile long retryAtNanos = System.nanoTime();

        LazyRedisStore(String url, String password, Duration timeout) {
            this.url = url;
            this.password = password;
            this.timeout = timeout;
        }

        private synchronized RedisBucketStore connect() {
            if (delegate == null) {
                if (System.nanoTime() - retryAtNanos < 0) {
                    throw new IllegalStateException("Redis connection failed recently");
                }
                try {
                    delegate = new RedisBucketStore(url, password, timeout);
                }
                catch (RuntimeException ex) {
                    retryAtNanos = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    throw ex;
                }
            }
            return delegate;
        }

        @Override
        public Decision take(String subject, List<Rate> rates) {
            RedisBucketStore store = delegate;
            if (store == null) {
                store = connect();
            }
            return store.take(subject, rates);
        }
    }
}
