package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.ordersystem.shared.Rate;
import org.ordersystem.system.ClientAddress;
import org.ordersystem.system.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * RATELIMIT_DEFAULT applied to /api/**, in Redis when RATELIMIT_STORAGE_URL (default
 * REDIS_URL) is set, in process otherwise. The filter sits right after Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);
    /** Spring Security's filter chain is registered at -100. */
    private static final int AFTER_SECURITY = -90;

    @Bean(destroyMethod = "")
    BucketStore bucketStore(@Value("${order.ratelimit.storage-url:}") String storageUrl,
            @Value("${spring.data.redis.password:}") String password,
            @Value("${spring.data.redis.timeout:100ms}") Duration timeout, MeterRegistry meters) {
        if (storageUrl.isBlank()) {
            return new LocalBucketStore();
        }
        try {
            return new FallbackBucketStore(new RedisBucketStore(storageUrl, password, timeout), new LocalBucketStore(),
                    meters);
        }
        catch (RuntimeException ex) {
            log.warn("Rate-limit storage unreachable at start-up; limiting per instance until it is ({})",
                    ex.toString());
            return new FallbackBucketStore(new ReconnectingRedisStore(storageUrl, password, timeout),
                    new LocalBucketStore(), meters);
        }
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(BucketStore store,
            @Value("${order.ratelimit.limits:100/hour}") String limits, ClientAddress clientAddress,
            ProblemWriter problems, MeterRegistry meters) {
        List<Rate> rates = Rate.parseAll(limits);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(store, rates, clientAddress, problems, meters));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** A Redis store that connects on first use, for a Redis that was down when the service started. */
    static final class ReconnectingRedisStore implements BucketStore {

        private final String url;
        private final String password;
        private final Duration timeout;
        private volatile RedisBucketStore delegate;

        ReconnectingRedisStore(String url, String password, Duration timeout) {
            this.url = url;
            this.password = password;
            this.timeout = timeout;
        }

        @Override
        public Decision take(String subject, List<Rate> rates) {
            RedisBucketStore store = delegate;
            if (store == null) {
                synchronized (this) {
                    if (delegate == null) {
                        delegate = new RedisBucketStore(url, password, timeout);
                    }
                    store = delegate;
                }
            }
            return store.take(subject, rates);
        }
    }
}
