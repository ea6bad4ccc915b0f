package org.ordersystem.notification;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP_FROM, as start-up binds and refuses it. */
class OrderMailPropertiesTests {

    @EnableConfigurationProperties(OrderMailProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void sendsFromLocalhostUnlessToldOtherwise() {
        contexts.withInitializer(StartupVariables.of("SMTP_HOST", "mail"))
                .run(context -> assertThat(context.getBean(OrderMailProperties.class).sender().getAddress())
                        .isEqualTo("orders@localhost"));
        contexts.withInitializer(StartupVariables.of("SMTP_HOST", "mail", "SMTP_FROM", "Shop <shop@example.com>"))
                .run(context -> assertThat(context.getBean(OrderMailProperties.class).sender().getAddress())
                        .isEqualTo("shop@example.com"));
    }

    @Test
    void refusesAMalformedSenderNamingTheVariable() {
        AtomicReference<String> line = new AtomicReference<>();
        contexts.withInitializer(StartupVariables.of("SMTP_HOST", "mail", "SMTP_FROM", "shop at example")).run(context -> {
            assertThat(context).hasFailed();
            line.set(StartupVariables.refusal(context.getStartupFailure()));
        });
        assertThat(line.get()).isEqualTo("Invalid configuration: SMTP_FROM is not a valid e-mail address");
    }
}
