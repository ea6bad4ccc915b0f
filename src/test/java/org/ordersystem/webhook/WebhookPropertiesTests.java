package org.ordersystem.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook settings as start-up binds them: production defaults, the two variables, refused values. */
class WebhookPropertiesTests {

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void productionDefaultsAreStrictWithTheContractsSchedule() {
        contexts.withInitializer(StartupVariables.of()).run(context -> {
            WebhookProperties properties = context.getBean(WebhookProperties.class);
            assertThat(properties.allowPrivateNetworks()).isFalse();
            assertThat(properties.allowHttp()).isFalse();
            assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.retryFor()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.retryDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                    Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));
        });
    }

    @Test
    void theVariablesRelaxTheGuardOutsideProduction() {
        contexts.withInitializer(StartupVariables.of("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true", "WEBHOOK_ALLOW_HTTP",
                "true")).run(context -> {
                    WebhookProperties properties = context.getBean(WebhookProperties.class);
                    assertThat(List.of(properties.allowPrivateNetworks(), properties.allowHttp())).containsOnly(true);
                });
    }

    @Test
    void refusesALeaseNoLongerThanAnAttempt() {
        contexts.withInitializer(StartupVariables.of()).withPropertyValues("order.webhooks.timeout=30s",
                "order.webhooks.lease=30s").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("lease")
                            .hasStackTraceContaining("must be at least the timeout plus 5 s");
                });
        contexts.withInitializer(StartupVariables.of()).withPropertyValues("order.webhooks.timeout=30s",
                "order.webhooks.lease=35s").run(context -> assertThat(context).hasNotFailed());
    }
}
