package org.ordersystem.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordersystem.support.TestServicesExtension;
import org.ordersystem.system.config.StartupVariables;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SECRET_KEY, ALGORITHM and the token lifetimes, as start-up binds and refuses them. */
@ExtendWith(OutputCaptureExtension.class)
class TokenPropertiesTests {

    @EnableConfigurationProperties(TokenProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    private TokenProperties bound(String... variables) {
        return StartupVariables.bound(contexts, TokenProperties.class, variables);
    }

    private String refusal(String... variables) {
        return StartupVariables.refusal(contexts, variables);
    }

    @Test
    void startUpStopsWithOneLineNamingTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
                .run("--ALGORITHM=RS256")).isNotNull();

        assertThat(output).contains("Invalid configuration: ALGORITHM must be HS256, HS384 or HS512")
                .contains("Fix the environment variable ALGORITHM and start again.").doesNotContain("at org.ordersystem");
    }

    @Test
    void defaultsAreTheGuides() {
        TokenProperties properties = bound();

        assertThat(properties.secretKey()).isNull();
        assertThat(properties.algorithm()).isEqualTo("HS256");
        assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void acceptsARandomBase64KeyAndTheIntegrationTestsKey() {
        byte[] random = new byte[64];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);

        assertThat(bound("SECRET_KEY", key, "ALGORITHM", "hs512", "ACCESS_TOKEN_EXPIRE_MINUTES", "1440",
                "REFRESH_TOKEN_EXPIRE_DAYS", "365"))
                .returns(key, TokenProperties::secretKey)
                .returns("HS512", TokenProperties::algorithm)
                .returns(Duration.ofDays(1), TokenProperties::accessTokenTtl)
                .returns(Duration.ofDays(365), TokenProperties::refreshTokenTtl);
        assertThat(bound("SECRET_KEY", TestServicesExtension.TEST_SECRET_KEY).secretKey())
                .isEqualTo(TestServicesExtension.TEST_SECRET_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            short               | SECRET_KEY=tooshort | SECRET_KEY must be at least 32 bytes for HS256
            short for HS512     | ALGORITHM=HS512,SECRET_KEY=0123456789abcdef0123456789abcdef \
                                | SECRET_KEY must be at least 64 bytes for HS512
            example placeholder | SECRET_KEY=CHANGE_ME-at-least-32-random-bytes-from-openssl-rand-base64-48 \
                                | SECRET_KEY is a placeholder
            not random          | SECRET_KEY=abcdabcdabcdabcdabcdabcdabcdabcdabcd | SECRET_KEY has fewer than 8 different characters
            RS256               | ALGORITHM=RS256 | ALGORITHM must be HS256, HS384 or HS512
            none                | ALGORITHM=none  | ALGORITHM must be HS256, HS384 or HS512
            access zero         | ACCESS_TOKEN_EXPIRE_MINUTES=0    | ACCESS_TOKEN_EXPIRE_MINUTES must be from 1 to 1440 minutes
            access over a day   | ACCESS_TOKEN_EXPIRE_MINUTES=1441 | ACCESS_TOKEN_EXPIRE_MINUTES must be from 1 to 1440 minutes
            refresh over a year | REFRESH_TOKEN_EXPIRE_DAYS=366    | REFRESH_TOKEN_EXPIRE_DAYS must be from 1 to 365 days
            refresh negative    | REFRESH_TOKEN_EXPIRE_DAYS=-1     | REFRESH_TOKEN_EXPIRE_DAYS must be from 1 to 365 days
            """)
    void refusesBadValuesNamingTheVariable(String description, String assignments, String expected) {
        assertThat(refusal(pairs(assignments))).startsWith("Invalid configuration: " + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "k8s/secret.example.yaml", ".env.example" })
    void refusesTheSecretKeyShippedInTheExampleFiles(String file) throws Exception {
        Matcher line = Pattern.compile("(?m)^\\s*SECRET_KEY\\s*[:=]\\s*(\\S+)\\s*$")
                .matcher(Files.readString(Path.of(file)));
        assertThat(line.find()).as("a SECRET_KEY line in " + file).isTrue();

        assertThat(refusal("SECRET_KEY", line.group(1))).startsWith("Invalid configuration: SECRET_KEY is a placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = { "change_me-0123456789abcdefghijklmnopqrstuvwxyz",
            "ChangeMe0123456789abcdefghijklmnopqrstuvwxyz", "change-me-0123456789abcdefghijklmnopqrstuvwxyz",
            "PLACEHOLDER-0123456789abcdefghijklmnopqrstuvwxyz", "replace_me-0123456789abcdefghijklmnopqrstuvwxyz",
            "Replace-Me-0123456789abcdefghijklmnopqrstuvwxyz", "your-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "example-key-0123456789abcdefghijklmnopqrstuvwxyz" })
    void refusesPlaceholderKeysInAnySpelling(String placeholder) {
        assertThat(refusal("SECRET_KEY", placeholder)).startsWith("Invalid configuration: SECRET_KEY is a placeholder");
    }

    @Test
    void refusalsNeverEchoTheKey() {
        assertThat(refusal("SECRET_KEY", "hunter2-short")).doesNotContain("hunter2");
        assertThat(refusal("SECRET_KEY", "hunter2-changeme-0123456789abcdefghijkl")).doesNotContain("hunter2");
        assertThat(refusal("SECRET_KEY", "hunter2hunter2hunter2hunter2hunter2")).doesNotContain("hunter2");
        assertThat(bound("SECRET_KEY", "hunter2-0123456789abcdefghijklmnopqrstuvwxyz").toString())
                .doesNotContain("hunter2");
    }

    private static String[] pairs(String assignments) {
        return Arrays.stream(assignments.split(",")).flatMap(assignment -> Arrays.stream(assignment.split("=", 2)))
                .map(String::strip).toArray(String[]::new);
    }
}
