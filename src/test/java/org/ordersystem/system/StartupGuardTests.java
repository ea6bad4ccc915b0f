package org.ordersystem.system;

import org.ordersystem.system.config.InvalidConfiguration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordersystem.OrderBackendApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the real application with refused settings and reads what it prints. */
@ExtendWith(OutputCaptureExtension.class)
class StartupGuardTests {

    private static void start(String... args) {
        SpringApplication application = new SpringApplication(OrderBackendApplication.class);
        application.run(args);
    }

    @Test
    void productionWithoutSecretKeyRefusesToStartWithOneClearLine(CapturedOutput output) {
        assertThatThrownBy(() -> start("--ENVIRONMENT=production", "--SECRET_KEY=", "--DATABASE_URL=postgresql://u:p@127.0.0.1:1/db"))
                .isInstanceOf(InvalidConfiguration.class);

        assertThat(output).contains("Invalid configuration: SECRET_KEY is required when ENVIRONMENT=production");
    }

    @Test
    void productionRefusesTheEmbeddedDatabase(CapturedOutput output) {
        assertThatThrownBy(() -> start("--ENVIRONMENT=production", "--SECRET_KEY=0123456789abcdef0123456789abcdef",
                "--DATABASE_URL="))
                .isInstanceOf(InvalidConfiguration.class);

        assertThat(output).contains("Invalid configuration: DATABASE_URL is required when ENVIRONMENT=production");
    }

    @Test
    void malformedValueRefusesToStartInDevelopmentToo(CapturedOutput output) {
        assertThatThrownBy(() -> start("--ENVIRONMENT=development", "--DATABASE_URL=mysql://root@db/orders"))
                .isInstanceOf(InvalidConfiguration.class);

        assertThat(output).contains("Invalid configuration: DATABASE_URL must look like postgresql://")
                .doesNotContain("at org.ordersystem");
    }

    @Test
    void productionRefusesEitherWebhookRelaxation(CapturedOutput output) {
        for (String relaxation : new String[] { "WEBHOOK_ALLOW_PRIVATE_NETWORKS", "WEBHOOK_ALLOW_HTTP" }) {
            assertThatThrownBy(() -> start("--ENVIRONMENT=production", "--SECRET_KEY=0123456789abcdef0123456789abcdef",
                    "--DATABASE_URL=postgresql://u:p@127.0.0.1:1/db", "--" + relaxation + "=true"))
                    .isInstanceOf(InvalidConfiguration.class);

            assertThat(output).contains("Invalid configuration: " + relaxation
                    + " must not be true when ENVIRONMENT=production");
        }
    }

    @Test
    void productionWithSmtpNeedsThePublicUrlItsLinksStartWith(CapturedOutput output) {
        assertThatThrownBy(() -> start("--ENVIRONMENT=production", "--SECRET_KEY=0123456789abcdef0123456789abcdef",
                "--DATABASE_URL=postgresql://u:p@127.0.0.1:1/db", "--SMTP_HOST=smtp.example.com"))
                .isInstanceOf(InvalidConfiguration.class);

        assertThat(output).contains("Invalid configuration: PUBLIC_URL is required when ENVIRONMENT=production and "
                + "SMTP_HOST is set");
    }
}
