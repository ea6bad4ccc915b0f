package org.ordersystem.order;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** DEFAULT_CURRENCY and the order caches, as start-up binds, declares and refuses them. */
class OrderPropertiesTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(OrderConfiguration.class);

    @Test
    void defaultsAreDollarsAndTheDocumentedCacheLifetimes() {
        contexts.run(context -> {
            assertThat(context.getBean(OrderProperties.class).defaultCurrency()).isEqualTo("USD");
            assertThat(context.getBeansOfType(CacheDeclaration.class).values()).containsExactlyInAnyOrder(
                    new CacheDeclaration("orders", OrderSnapshot.class, Duration.ofMinutes(10), 100_000),
                    new CacheDeclaration("order-statistics", OrderStatistics.Figures.class, Duration.ofSeconds(30), 10_000));
        });
    }

    @Test
    void cacheLifetimesAreTunable() {
        contexts.withPropertyValues("order.cache.orders-ttl=1m", "order.cache.statistics-ttl=5s")
                .run(context -> assertThat(context.getBeansOfType(CacheDeclaration.class).values())
                        .extracting(CacheDeclaration::timeToLive)
                        .containsExactlyInAnyOrder(Duration.ofMinutes(1), Duration.ofSeconds(5)));
    }

    @Test
    void takesTheCurrencyOfTheVariable() {
        contexts.withInitializer(StartupVariables.of("DEFAULT_CURRENCY", " EUR "))
                .run(context -> assertThat(context.getBean(OrderProperties.class).defaultCurrency()).isEqualTo("EUR"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "XYZ1", "usd", "XXY", "dollar" })
    void refusesWhatIsNoIsoCurrencyNamingTheVariable(String currency) {
        AtomicReference<String> line = new AtomicReference<>();
        contexts.withInitializer(StartupVariables.of("DEFAULT_CURRENCY", currency)).run(context -> {
            assertThat(context).hasFailed();
            line.set(StartupVariables.refusal(context.getStartupFailure()));
        });
        assertThat(line.get()).isEqualTo("Invalid configuration: DEFAULT_CURRENCY must be an ISO-4217 code such as USD");
    }
}
