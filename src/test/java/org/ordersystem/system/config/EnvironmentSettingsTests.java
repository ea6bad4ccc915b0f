package org.ordersystem.system.config;


import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordersystem.support.TestServicesExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentSettingsTests {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static Map<String, Object> translate(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return EnvironmentSettings.translate(variables::get);
    }

    @Test
    void emptyEnvironmentIsTheEmbeddedDevelopmentDefault() {
        Map<String, Object> properties = translate();

        assertThat(properties).containsEntry("order.environment", "development")
                .containsEntry("order.database.embedded", true)
                .containsEntry("spring.cache.type", "caffeine")
                .containsEntry("order.redis.enabled", false)
                .containsEntry("order.tokens.algorithm", "HS256")
                .containsEntry("order.tokens.access-token-ttl", "30m")
                .containsEntry("order.tokens.refresh-token-ttl", "7d")
                .containsEntry("order.ratelimit.limits", "100/hour")
                .containsEntry("order.default-currency", "USD")
                .doesNotContainKey("spring.datasource.url")
                .doesNotContainKey("logging.structured.format.console");
        assertThat(properties.get("spring.autoconfigure.exclude").toString()).contains("DataRedisAutoConfiguration");
    }

    @Test
    void databaseUrlBecomesJdbcSettingsAndPoolSizesBecomeHikariSettings() {
        Map<String, Object> properties = translate("DATABASE_URL", "postgresql://app:pw@db:5432/orders",
                "DATABASE_POOL_SIZE", "5", "DATABASE_MAX_OVERFLOW", "10");

        assertThat(properties).containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/orders")
                .containsEntry("spring.datasource.username", "app")
                .containsEntry("spring.datasource.password", "pw")
                .containsEntry("spring.datasource.hikari.minimum-idle", 5)
                .containsEntry("spring.datasource.hikari.maximum-pool-size", 15)
                .doesNotContainKey("order.database.embedded");
    }

    @Test
    void portIsTranslatedWhenSet() {
        assertThat(translate("PORT", "9000")).containsEntry("server.port", 9000);
        assertThat(translate()).doesNotContainKey("server.port");
    }

    @Test
    void guidesPoolDefaultsAreTwentyPlusThirty() {
        assertThat(translate()).containsEntry("spring.datasource.hikari.minimum-idle", 20)
                .containsEntry("spring.datasource.hikari.maximum-pool-size", 50);
    }

    @Test
    void redisUrlSwitchesCacheAndLimiterToRedis() {
        Map<String, Object> properties = translate("REDIS_URL", "redis://cache:6379/0", "REDIS_PASSWORD", "pw");

        assertThat(properties).containsEntry("spring.data.redis.url", "redis://cache:6379/0")
                .containsEntry("spring.data.redis.password", "pw")
                .containsEntry("spring.cache.type", "redis")
                .containsEntry("order.redis.enabled", true)
                .containsEntry("order.ratelimit.storage-url", "redis://cache:6379/0");
        assertThat(properties.get("spring.autoconfigure.exclude").toString()).doesNotContain("Redis");
    }

    @Test
    void productionGetsJsonLogsAndAcceptsACompleteConfiguration() {
        Map<String, Object> properties = translate("ENVIRONMENT", "production", "SECRET_KEY", KEY,
                "DATABASE_URL", "postgresql://u:p@db/orders");

        assertThat(properties).containsEntry("order.environment", "production")
                .containsEntry("logging.structured.format.console", "ecs");
    }

    @Test
    void forwardedHeadersAreNeverTheServersBusinessEvenOnKubernetes() {
        assertThat(translate()).containsEntry("server.forward-headers-strategy", "none");
        assertThat(translate("TRUSTED_PROXIES", "10.0.0.0/8")).containsEntry("server.forward-headers-strategy", "none")
                .containsEntry("order.trusted-proxies", "10.0.0.0/8");
    }

    @Test
    void sslPathsBecomeAPemBundle(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");

        Map<String, Object> properties = translate("SSL_CERT_PATH", cert.toString(), "SSL_KEY_PATH", key.toString());

        assertThat(properties).containsEntry("server.ssl.bundle", "server")
                .containsEntry("spring.ssl.bundle.pem.server.keystore.certificate", "file:" + cert.toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SECRET_KEY missing in production           | SECRET_KEY   | ENVIRONMENT=production,DATABASE_URL=postgresql://u:p@h/db
            SECRET_KEY short in production              | SECRET_KEY   | ENVIRONMENT=production,DATABASE_URL=postgresql://u:p@h/db,SECRET_KEY=short
            DATABASE_URL missing in production          | DATABASE_URL | ENVIRONMENT=production,SECRET_KEY=0123456789abcdef0123456789abcdef
            DEBUG true in production                    | DEBUG        | ENVIRONMENT=production,DEBUG=true,SECRET_KEY=0123456789abcdef0123456789abcdef,DATABASE_URL=postgresql://u:p@h/db
            SECRET_KEY short in development             | SECRET_KEY   | SECRET_KEY=tooshort
            SECRET_KEY short for HS512                  | SECRET_KEY   | ALGORITHM=HS512,SECRET_KEY=0123456789abcdef0123456789abcdef
            SECRET_KEY example placeholder in production | SECRET_KEY  | ENVIRONMENT=production,DATABASE_URL=postgresql://u:p@h/db,SECRET_KEY=CHANGE_ME-at-least-32-random-bytes-from-openssl-rand-base64-48
            SECRET_KEY example placeholder in development | SECRET_KEY | SECRET_KEY=CHANGE_ME-at-least-32-random-bytes-from-openssl-rand-base64-48
            SECRET_KEY not random                       | SECRET_KEY   | SECRET_KEY=abcdabcdabcdabcdabcdabcdabcdabcdabcd
            ALGORITHM RS256                             | ALGORITHM    | ALGORITHM=RS256
            ALGORITHM none                              | ALGORITHM    | ALGORITHM=none
            RATELIMIT_DEFAULT lots                      | RATELIMIT_DEFAULT | RATELIMIT_DEFAULT=lots
            DATABASE_URL malformed                      | DATABASE_URL | DATABASE_URL=mysql://h/db
            DATABASE_REPLICA_URL malformed              | DATABASE_REPLICA_URL | DATABASE_REPLICA_URL=nope
            REDIS_URL malformed                         | REDIS_URL    | REDIS_URL=http://cache:6379
            RATELIMIT_STORAGE_URL malformed             | RATELIMIT_STORAGE_URL | RATELIMIT_STORAGE_URL=memcached://x
            CACHE_TYPE redis without Redis              | CACHE_TYPE   | CACHE_TYPE=redis
            CACHE_TYPE unknown                          | CACHE_TYPE   | CACHE_TYPE=memcached
            PORT not a number                           | PORT         | PORT=eighty
            PORT out of range                           | PORT         | PORT=70000
            ACCESS_TOKEN_EXPIRE_MINUTES zero            | ACCESS_TOKEN_EXPIRE_MINUTES | ACCESS_TOKEN_EXPIRE_MINUTES=0
            REFRESH_TOKEN_EXPIRE_DAYS text              | REFRESH_TOKEN_EXPIRE_DAYS | REFRESH_TOKEN_EXPIRE_DAYS=week
            DATABASE_POOL_SIZE negative                 | DATABASE_POOL_SIZE | DATABASE_POOL_SIZE=-1
            DATABASE_MAX_OVERFLOW text                  | DATABASE_MAX_OVERFLOW | DATABASE_MAX_OVERFLOW=many
            DEBUG not boolean                           | DEBUG        | DEBUG=maybe
            ENVIRONMENT unknown                         | ENVIRONMENT  | ENVIRONMENT=prod
            LOG_LEVEL unknown                           | LOG_LEVEL    | LOG_LEVEL=loud
            LOG_FORMAT unknown                          | LOG_FORMAT   | LOG_FORMAT=xml
            DEFAULT_CURRENCY unknown                    | DEFAULT_CURRENCY | DEFAULT_CURRENCY=XYZ1
            DEFAULT_CURRENCY lower case                 | DEFAULT_CURRENCY | DEFAULT_CURRENCY=usd
            SSL_CERT_PATH without key                   | SSL_KEY_PATH | SSL_CERT_PATH=/etc/hostname
            SSL files missing                           | SSL_CERT_PATH | SSL_CERT_PATH=/nonexistent/cert.pem,SSL_KEY_PATH=/nonexistent/key.pem
            ADMIN_EMAIL without password                | ADMIN_PASSWORD | ADMIN_EMAIL=admin@example.com
            SMTP_PORT text                              | SMTP_PORT    | SMTP_HOST=mail,SMTP_PORT=smtp
            TRUSTED_PROXIES host name                   | TRUSTED_PROXIES | TRUSTED_PROXIES=proxy.internal
            """)
    void refusesBadValuesNamingTheVariable(String description, String variable, String assignments) {
        Map<String, String> variables = new HashMap<>();
        for (String assignment : assignments.split(",")) {
            String[] pair = assignment.split("=", 2);
            variables.put(pair[0].strip(), pair[1].strip());
        }

        assertThatThrownBy(() -> EnvironmentSettings.translate(variables::get))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith(variable + " ")
                .satisfies(ex -> assertThat(((InvalidConfiguration) ex).variable()).isEqualTo(variable));
    }

    @ParameterizedTest
    @ValueSource(strings = { "k8s/secret.example.yaml", ".env.example" })
    void refusesTheSecretKeyShippedInTheExampleFiles(String file) throws Exception {
        Matcher line = Pattern.compile("(?m)^\\s*SECRET_KEY\\s*[:=]\\s*(\\S+)\\s*$")
                .matcher(Files.readString(Path.of(file)));
        assertThat(line.find()).as("a SECRET_KEY line in " + file).isTrue();

        assertThatThrownBy(() -> translate("ENVIRONMENT", "production", "DATABASE_URL", "postgresql://u:p@h/db",
                "SECRET_KEY", line.group(1)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("SECRET_KEY is a placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = { "change_me-0123456789abcdefghijklmnopqrstuvwxyz",
            "ChangeMe0123456789abcdefghijklmnopqrstuvwxyz", "change-me-0123456789abcdefghijklmnopqrstuvwxyz",
            "PLACEHOLDER-0123456789abcdefghijklmnopqrstuvwxyz", "replace_me-0123456789abcdefghijklmnopqrstuvwxyz",
            "Replace-Me-0123456789abcdefghijklmnopqrstuvwxyz", "your-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "example-key-0123456789abcdefghijklmnopqrstuvwxyz" })
    void refusesPlaceholderKeysInAnySpellingInEveryEnvironment(String placeholder) {
        assertThatThrownBy(() -> translate("SECRET_KEY", placeholder))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageStartingWith("SECRET_KEY is a placeholder");
    }

    @Test
    void acceptsARandomBase64Key() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);

        assertThat(translate("ENVIRONMENT", "production", "DATABASE_URL", "postgresql://u:p@h/db", "SECRET_KEY", key))
                .containsEntry("order.tokens.secret-key", key);
        assertThat(translate("SECRET_KEY", TestServicesExtension.TEST_SECRET_KEY))
                .as("the key every integration test starts with")
                .containsEntry("order.tokens.secret-key", TestServicesExtension.TEST_SECRET_KEY);
    }

    @Test
    void refusalsNeverEchoSecrets() {
        assertThatThrownBy(() -> translate("SECRET_KEY", "hunter2-short"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> translate("SECRET_KEY", "hunter2-changeme-0123456789abcdefghijkl"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> translate("SECRET_KEY", "hunter2hunter2hunter2hunter2hunter2"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> translate("DATABASE_URL", "mysql://root:hunter2@h/db"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
    }
}
