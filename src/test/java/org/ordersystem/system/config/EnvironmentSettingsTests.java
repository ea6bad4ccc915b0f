package org.ordersystem.system.config;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentSettingsTests {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private static Map<String, Object> translate(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return EnvironmentSettings.translate(variables::get).getSource();
    }

    @Test
    void emptyEnvironmentIsTheEmbeddedDevelopmentDefault() {
        Map<String, Object> properties = translate();

        assertThat(properties).containsEntry("order.environment", "development")
                .containsEntry("order.database.embedded", true)
                .containsEntry("spring.cache.type", "caffeine")
                .containsEntry("order.redis.enabled", false)
                .doesNotContainKey("spring.datasource.url")
                .doesNotContainKey("logging.structured.format.console");
        assertThat(properties.get("spring.autoconfigure.exclude").toString()).contains("DataRedisAutoConfiguration");
    }

    @Test
    void leavesTheDefaultsOfUnsetVariablesToTheModulesThatOwnThem() {
        assertThat(translate()).doesNotContainKeys("order.tokens.algorithm", "order.tokens.secret-key",
                "order.tokens.access-token-ttl", "order.tokens.refresh-token-ttl", "order.ratelimit.limits",
                "order.default-currency", "order.trusted-proxies", "order.metrics-token", "order.mail.from");
    }

    @Test
    void mapsTheVariablesOntoTheModulesProperties() {
        Map<String, Object> properties = translate("ALGORITHM", " hs512 ", "ACCESS_TOKEN_EXPIRE_MINUTES", "15",
                "REFRESH_TOKEN_EXPIRE_DAYS", "2", "RATELIMIT_DEFAULT", "10/second;1000/hour", "DEFAULT_CURRENCY", " EUR ",
                "TRUSTED_PROXIES", "10.0.0.0/8", "METRICS_TOKEN", "m", "SMTP_HOST", "mail", "SMTP_FROM", "shop@example.com");

        assertThat(properties).containsEntry("order.tokens.algorithm", "HS512")
                .containsEntry("order.tokens.access-token-ttl", "15m")
                .containsEntry("order.tokens.refresh-token-ttl", "2d")
                .containsEntry("order.ratelimit.limits", "10/second;1000/hour")
                .containsEntry("order.default-currency", "EUR")
                .containsEntry("order.trusted-proxies", "10.0.0.0/8")
                .containsEntry("order.metrics-token", "m")
                .containsEntry("spring.mail.port", 587)
                .containsEntry("order.mail.from", "shop@example.com");
    }

    @Test
    void eachPropertyKnowsTheVariableItCameFrom() {
        TranslatedVariables source = EnvironmentSettings.translate(Map.of("RATELIMIT_DEFAULT", "lots",
                "REDIS_URL", "redis://cache:6379/0")::get);

        assertThat(source.getOrigin("order.ratelimit.limits")).hasToString("environment variable RATELIMIT_DEFAULT");
        assertThat(TranslatedVariables.variableOf(source.getOrigin("order.ratelimit.storage-url"))).contains("REDIS_URL");
        assertThat(source.getOrigin("management.endpoints.web.base-path")).isNull();
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
    void forwardedHeadersAreNeverTheServersBusinessEvenOnKubernetes() throws Exception {
        List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));

        assertThat(yml.get(0).getProperty("server.forward-headers-strategy")).hasToString("none");
        assertThat(translate("TRUSTED_PROXIES", "10.0.0.0/8")).doesNotContainKey("server.forward-headers-strategy");
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
            DATABASE_URL missing in production          | DATABASE_URL | ENVIRONMENT=production,SECRET_KEY=0123456789abcdef0123456789abcdef
            DEBUG true in production                    | DEBUG        | ENVIRONMENT=production,DEBUG=true,SECRET_KEY=0123456789abcdef0123456789abcdef,DATABASE_URL=postgresql://u:p@h/db
            DATABASE_URL malformed                      | DATABASE_URL | DATABASE_URL=mysql://h/db
            DATABASE_REPLICA_URL malformed              | DATABASE_REPLICA_URL | DATABASE_REPLICA_URL=nope
            REDIS_URL malformed                         | REDIS_URL    | REDIS_URL=http://cache:6379
            RATELIMIT_STORAGE_URL malformed             | RATELIMIT_STORAGE_URL | RATELIMIT_STORAGE_URL=memcached://x
            CACHE_TYPE redis without Redis              | CACHE_TYPE   | CACHE_TYPE=redis
            CACHE_TYPE unknown                          | CACHE_TYPE   | CACHE_TYPE=memcached
            PORT not a number                           | PORT         | PORT=eighty
            PORT out of range                           | PORT         | PORT=70000
            ACCESS_TOKEN_EXPIRE_MINUTES text            | ACCESS_TOKEN_EXPIRE_MINUTES | ACCESS_TOKEN_EXPIRE_MINUTES=half an hour
            REFRESH_TOKEN_EXPIRE_DAYS text              | REFRESH_TOKEN_EXPIRE_DAYS | REFRESH_TOKEN_EXPIRE_DAYS=week
            SSL_KEY_PATH without certificate            | SSL_CERT_PATH | SSL_KEY_PATH=/etc/hostname
            ADMIN_PASSWORD without e-mail               | ADMIN_EMAIL  | ADMIN_PASSWORD=Admin-Passw0rd!
            SENTRY_DSN malformed                        | SENTRY_DSN   | SENTRY_DSN=sentry.example.com
            DATABASE_POOL_SIZE negative                 | DATABASE_POOL_SIZE | DATABASE_POOL_SIZE=-1
            DATABASE_MAX_OVERFLOW text                  | DATABASE_MAX_OVERFLOW | DATABASE_MAX_OVERFLOW=many
            DEBUG not boolean                           | DEBUG        | DEBUG=maybe
            ENVIRONMENT unknown                         | ENVIRONMENT  | ENVIRONMENT=prod
            LOG_LEVEL unknown                           | LOG_LEVEL    | LOG_LEVEL=loud
            LOG_FORMAT unknown                          | LOG_FORMAT   | LOG_FORMAT=xml
            SSL_CERT_PATH without key                   | SSL_KEY_PATH | SSL_CERT_PATH=/etc/hostname
            SSL files missing                           | SSL_CERT_PATH | SSL_CERT_PATH=/nonexistent/cert.pem,SSL_KEY_PATH=/nonexistent/key.pem
            ADMIN_EMAIL without password                | ADMIN_PASSWORD | ADMIN_EMAIL=admin@example.com
            SMTP_PORT text                              | SMTP_PORT    | SMTP_HOST=mail,SMTP_PORT=smtp
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

    @Test
    void refusalsNeverEchoSecrets() {
        assertThatThrownBy(() -> translate("DATABASE_URL", "mysql://root:hunter2@h/db"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> translate("REDIS_URL", "http://:hunter2@cache:6379"))
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("hunter2"));
    }
}
