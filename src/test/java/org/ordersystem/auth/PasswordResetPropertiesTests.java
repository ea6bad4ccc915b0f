package org.ordersystem.auth;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** PUBLIC_URL and SMTP_HOST, as start-up binds and refuses them. */
class PasswordResetPropertiesTests {

    @EnableConfigurationProperties(PasswordResetProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void availableOnlyWithSmtpAndLinkingToThePublicUrl() {
        contexts.withInitializer(StartupVariables.of()).run(context -> {
            PasswordResetProperties properties = context.getBean(PasswordResetProperties.class);
            assertThat(properties.available()).isFalse();
            assertThat(properties.publicUrl()).isEqualTo(URI.create("http://localhost:8000"));
        });
        contexts.withInitializer(StartupVariables.of("SMTP_HOST", "mail", "PUBLIC_URL", "https://orders.example.com"))
                .run(context -> {
                    PasswordResetProperties properties = context.getBean(PasswordResetProperties.class);
                    assertThat(properties.available()).isTrue();
                    assertThat(properties.publicUrl()).isEqualTo(URI.create("https://orders.example.com"));
                });
    }

    @Test
    void refusesAnAddressALinkCannotStartWithNamingTheVariable() {
        for (String bad : new String[] { "orders.example.com", "ftp://orders.example.com", "https://u:p@orders.example.com",
                "https://orders.example.com/?next=x", "https://orders.example.com/#top" }) {
            AtomicReference<String> line = new AtomicReference<>();
            contexts.withInitializer(StartupVariables.of("PUBLIC_URL", bad)).run(context -> {
                assertThat(context).hasFailed();
                line.set(StartupVariables.refusal(context.getStartupFailure()));
            });
            assertThat(line.get()).as(bad).startsWith("Invalid configuration: PUBLIC_URL must be an http(s) address");
        }
    }
}
