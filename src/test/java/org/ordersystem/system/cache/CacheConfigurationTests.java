package org.ordersystem.system.cache;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** CACHE_TYPE=simple holds exactly the caches the modules declare, each with its lifetime and size. */
class CacheConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    static class Declarations {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        CacheDeclaration shortLived() {
            return new CacheDeclaration("short-lived", String.class, Duration.ofSeconds(30), 10);
        }

        @Bean
        CacheDeclaration longLived() {
            return new CacheDeclaration("long-lived", String.class, Duration.ofMinutes(10), 1_000);
        }
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CacheAutoConfiguration.class))
            .withUserConfiguration(CacheConfiguration.class, Declarations.class)
            .withPropertyValues("spring.cache.type=caffeine");

    @Test
    void inProcessCachesAreTheDeclaredOnesWithTheirLifetimesAndSizes() {
        contexts.run(context -> {
            CacheManager caches = context.getBean(CacheManager.class);

            assertThat(caches.getCacheNames()).containsExactlyInAnyOrder("short-lived", "long-lived");
            Cache<Object, Object> shortLived = ((CaffeineCache) caches.getCache("short-lived")).getNativeCache();
            assertThat(shortLived.policy().expireAfterWrite()).hasValueSatisfying(
                    expiry -> assertThat(expiry.getExpiresAfter()).isEqualTo(Duration.ofSeconds(30)));
            assertThat(shortLived.policy().eviction()).hasValueSatisfying(
                    eviction -> assertThat(eviction.getMaximum()).isEqualTo(10));
        });
    }

    @Test
    void anUndeclaredNameIsNoCache() {
        contexts.run(context -> assertThat(context.getBean(CacheManager.class).getCache("misspelt")).isNull());
    }
}
