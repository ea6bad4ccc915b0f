package org.ordersystem.system.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** TRUSTED_PROXIES, METRICS_TOKEN and the admission limit, as start-up binds and refuses them. */
class WebPropertiesTests {

    @EnableConfigurationProperties(WebProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    private WebProperties bound(String... variables) {
        return StartupVariables.bound(contexts.withPropertyValues("order.admission.pool-size=50"), WebProperties.class,
                variables);
    }

    @Test
    void noProxyIsTrustedAndMetricsAreOpenByDefault() {
        WebProperties properties = bound();

        assertThat(properties.trustedProxies()).isEmpty();
        assertThat(new ClientAddress(properties.trustedProxies()).isTrustedProxy("127.0.0.1")).isFalse();
        assertThat(properties.metricsToken()).isNull();
    }

    @Test
    void trustedProxiesAreAddressBlocks() {
        ClientAddress addresses = new ClientAddress(bound("TRUSTED_PROXIES", "10.0.0.0/8, ::1/128").trustedProxies());

        assertThat(addresses.isTrustedProxy("10.200.0.1")).isTrue();
        assertThat(addresses.isTrustedProxy("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(addresses.isTrustedProxy("11.0.0.1")).isFalse();
    }

    @Test
    void refusesAHostNameAmongTheProxiesNamingTheVariable() {
        AtomicReference<String> line = new AtomicReference<>();
        contexts.withInitializer(StartupVariables.of("TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal")).run(context -> {
            assertThat(context).hasFailed();
            line.set(StartupVariables.refusal(context.getStartupFailure()));
        });
        assertThat(line.get()).isEqualTo("Invalid configuration: TRUSTED_PROXIES must be comma-separated addresses or "
                + "CIDR blocks: 'proxy.internal' is not an address or CIDR block");
    }

    @Test
    void aTrailingCommaIsNoEntry() {
        assertThat(new ClientAddress(bound("TRUSTED_PROXIES", "10.0.0.0/8,").trustedProxies())
                .isTrustedProxy("10.0.0.1")).isTrue();
    }

    @Test
    void theAdmissionLimitStartsAtTwiceThePoolAndMovesBetweenThePoolAndFourTimesIt() {
        WebProperties.Admission admission = bound().admission();
        assertThat(admission.initialLimit()).isEqualTo(100);
        assertThat(admission.minLimit()).isEqualTo(50);
        assertThat(admission.maxLimit()).isEqualTo(200);
        assertThat(admission.maxWait()).isZero();
        assertThat(admission.queue()).isEqualTo(100);

        WebProperties.Admission tiny = new WebProperties.Admission(0, Duration.ZERO, 10, 1);
        assertThat(List.of(tiny.minLimit(), tiny.initialLimit(), tiny.maxLimit())).containsExactly(2, 4, 8);
        WebProperties.Admission capped = new WebProperties.Admission(7, Duration.ZERO, 10, 50);
        assertThat(List.of(capped.minLimit(), capped.initialLimit(), capped.maxLimit())).containsExactly(7, 7, 7);
    }

    @Test
    void theMetricsTokenNeverShowsInTheSettings() {
        assertThat(bound("METRICS_TOKEN", "hunter2-metrics").toString()).doesNotContain("hunter2");
    }
}
