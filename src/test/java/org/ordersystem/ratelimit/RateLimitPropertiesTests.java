package org.ordersystem.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RATELIMIT_DEFAULT and RATELIMIT_STORAGE_URL, as start-up binds and refuses them. */
@ExtendWith(OutputCaptureExtension.class)
class RateLimitPropertiesTests {

    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Settings {
    }

    // application.yml gives the limiter Spring's Redis timeout
    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class)
            .withPropertyValues("order.ratelimit.timeout=100ms");

    private RateLimitProperties bound(String... variables) {
        return StartupVariables.bound(contexts, RateLimitProperties.class, variables);
    }

    private String refusal(String... variables) {
        return StartupVariables.refusal(contexts, variables);
    }

    @Test
    void startUpStopsWithOneLineNamingTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .run("--RATELIMIT_DEFAULT=lots")).isNotNull();

        assertThat(output).contains("Invalid configuration: RATELIMIT_DEFAULT has 'lots'; write N/second")
                .contains("Fix the environment variable RATELIMIT_DEFAULT and start again.").doesNotContain("at org.ordersystem");
    }

    @Test
    void defaultIsAHundredAnHourInProcess() {
        RateLimitProperties properties = bound();

        assertThat(properties.limits()).containsExactly(new Rate(100, Duration.ofHours(1)));
        assertThat(properties.inProcess()).isTrue();
    }

    @Test
    void parsesSeveralRatesJoinedBySemicolons() {
        assertThat(bound("RATELIMIT_DEFAULT", "10/second; 200/minute;5000/day").limits()).containsExactly(
                new Rate(10, Duration.ofSeconds(1)), new Rate(200, Duration.ofMinutes(1)),
                new Rate(5000, Duration.ofDays(1)));
    }

    @Test
    void storageIsRedisWhenRedisIsConfigured() {
        assertThat(bound("REDIS_URL", "redis://cache:6379/0").storageUrl()).isEqualTo("redis://cache:6379/0");
        assertThat(bound("REDIS_URL", "redis://cache:6379/0", "RATELIMIT_STORAGE_URL", "redis://limits:6379/1")
                .storageUrl()).isEqualTo("redis://limits:6379/1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "lots", "100", "100/week", "0/hour", "100/hour;", "1.5/second", "9999999999/hour" })
    void refusesMalformedLimitsNamingTheVariable(String limits) {
        assertThat(refusal("RATELIMIT_DEFAULT", limits)).startsWith("Invalid configuration: RATELIMIT_DEFAULT has ")
                .contains("write N/second, N/minute, N/hour or N/day");
    }

    @Test
    void anEmptyListOfLimitsWouldBeNoLimitAndIsRefused() {
        contexts.withPropertyValues("order.ratelimit.limits=").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("is empty; write N/second"));
    }
}
