package org.ordersystem.system.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.ordersystem.system.data.DatabaseUrl;

/**
 * The one place that reads the environment variables of the design's configuration table:
 * after the {@link StartupGuard}, each is translated into the Spring properties it stands
 * for. Defaults and the rules of a value live with the module that uses it (its
 * {@code XProperties} record), which refuses a bad value at start-up; the translation
 * remembers which variable each property came from, so that refusal names the variable.
 */
final class EnvironmentSettings {

    /**
     * Never used, so not started: no generated in-memory user (authentication is by bearer token
     * only), no timer around every repository call (the request and database metrics cover them,
     * and it cost a tagged timer per query), no Modulith "moments" (passage-of-time events).
     */
    static final String ALWAYS_EXCLUDED = String.join(",",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
            "org.springframework.modulith.moments.autoconfigure.MomentsAutoConfiguration");

    static final String REDIS_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private final Variables variables;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    private EnvironmentSettings(Variables variables) {
        this.variables = variables;
    }

    /** The Spring properties for these variables, or an {@link InvalidConfiguration}. */
    static TranslatedVariables translate(Function<String, String> source) {
        Variables variables = new Variables(source);
        StartupGuard.check(variables);
        EnvironmentSettings settings = new EnvironmentSettings(variables);
        settings.service();
        settings.tokens();
        settings.database();
        settings.redis();
        settings.rateLimits();
        settings.web();
        settings.mail();
        settings.webhooks();
        settings.misc();
        return new TranslatedVariables(settings.properties, settings.origins);
    }

    private void service() {
        String environment = variables.oneOf("ENVIRONMENT", "development", StartupGuard.ENVIRONMENTS);
        boolean debug = variables.bool("DEBUG", false);
        put("ENVIRONMENT", "order.environment", environment);
        put("DEBUG", "order.debug", debug);
        put("LOG_LEVEL", "logging.level.root", variables.oneOf("LOG_LEVEL", "info", LOG_LEVELS));
        if (debug) {
            put("DEBUG", "logging.level.org.ordersystem", "debug");
        }
        String format = variables.oneOf("LOG_FORMAT", environment.equals("production") ? "json" : "text",
                Set.of("json", "text"));
        if (format.equals("json")) {
            put("LOG_FORMAT", "logging.structured.format.console", "ecs");
        }
        put("PORT", "server.port", variables.integer("PORT", 1, 65535));
    }

    private void tokens() {
        String algorithm = variables.stripped("ALGORITHM");
        put("ALGORITHM", "order.tokens.algorithm", algorithm == null ? null : algorithm.toUpperCase(Locale.ROOT));
        put("SECRET_KEY", "order.tokens.secret-key", variables.get("SECRET_KEY"));
        Integer minutes = variables.wholeNumber("ACCESS_TOKEN_EXPIRE_MINUTES");
        put("ACCESS_TOKEN_EXPIRE_MINUTES", "order.tokens.access-token-ttl", minutes == null ? null : minutes + "m");
        Integer days = variables.wholeNumber("REFRESH_TOKEN_EXPIRE_DAYS");
        put("REFRESH_TOKEN_EXPIRE_DAYS", "order.tokens.refresh-token-ttl", days == null ? null : days + "d");
    }

    private void database() {
        String url = variables.get("DATABASE_URL");
        if (url == null) {
            put("DATABASE_URL", "order.database.embedded", true);
        }
        else {
            DatabaseUrl database = DatabaseUrl.parse("DATABASE_URL", url);
            put("DATABASE_URL", "spring.datasource.url", database.jdbcUrl());
            put("DATABASE_URL", "spring.datasource.username", database.username());
            put("DATABASE_URL", "spring.datasource.password", database.password());
        }
        String replicaUrl = variables.get("DATABASE_REPLICA_URL");
        if (replicaUrl != null) {
            DatabaseUrl replica = DatabaseUrl.parse("DATABASE_REPLICA_URL", replicaUrl);
            put("DATABASE_REPLICA_URL", "order.database.replica.url", replica.jdbcUrl());
            put("DATABASE_REPLICA_URL", "order.database.replica.username", replica.username());
            put("DATABASE_REPLICA_URL", "order.database.replica.password", replica.password());
        }
        put("DATABASE_REPLICA_MAX_LAG", "order.database.replica.max-lag", variables.stripped("DATABASE_REPLICA_MAX_LAG"));
        put("DATABASE_REPLICA_POOL_SIZE", "order.database.replica.pool-size",
                variables.integer("DATABASE_REPLICA_POOL_SIZE", 1, 1000));
        int pool = Objects.requireNonNullElse(variables.integer("DATABASE_POOL_SIZE", 1, 1000), 20);
        int overflow = Objects.requireNonNullElse(variables.integer("DATABASE_MAX_OVERFLOW", 0, 1000), 30);
        put("DATABASE_POOL_SIZE", "spring.datasource.hikari.minimum-idle", pool);
        put("DATABASE_MAX_OVERFLOW", "spring.datasource.hikari.maximum-pool-size", pool + overflow);
    }

    private void redis() {
        String url = variables.redisUrl("REDIS_URL");
        put("REDIS_URL", "spring.data.redis.url", url);
        if (url != null) {
            put("REDIS_PASSWORD", "spring.data.redis.password", variables.get("REDIS_PASSWORD"));
        }
        put("REDIS_URL", "spring.autoconfigure.exclude",
                url != null ? ALWAYS_EXCLUDED : ALWAYS_EXCLUDED + "," + REDIS_AUTO_CONFIGURATIONS);
        put("REDIS_URL", "order.redis.enabled", url != null);
        String cache = variables.oneOf("CACHE_TYPE", url != null ? "redis" : "simple",
                Set.of("redis", "simple", "none"));
        // "simple" is an in-process Caffeine cache, so entries expire as they do in Redis
        put("CACHE_TYPE", "spring.cache.type", cache.equals("simple") ? "caffeine" : cache);
    }

    private void rateLimits() {
        put("RATELIMIT_DEFAULT", "order.ratelimit.limits", variables.get("RATELIMIT_DEFAULT"));
        String storage = variables.redisUrl("RATELIMIT_STORAGE_URL");
        if (storage != null) {
            put("RATELIMIT_STORAGE_URL", "order.ratelimit.storage-url", storage);
        }
        else {
            put("REDIS_URL", "order.ratelimit.storage-url", variables.redisUrl("REDIS_URL"));
        }
    }

    private void web() {
        if (variables.isSet("SSL_CERT_PATH")) {
            put("SSL_CERT_PATH", "spring.ssl.bundle.pem.server.keystore.certificate",
                    "file:" + variables.readableFile("SSL_CERT_PATH"));
            put("SSL_KEY_PATH", "spring.ssl.bundle.pem.server.keystore.private-key",
                    "file:" + variables.readableFile("SSL_KEY_PATH"));
            put("SSL_CERT_PATH", "server.ssl.bundle", "server");
            put("SSL_CERT_PATH", "server.ssl.enabled", true);
        }
        put("METRICS_TOKEN", "order.metrics-token", variables.get("METRICS_TOKEN"));
        put("TRUSTED_PROXIES", "order.trusted-proxies", variables.get("TRUSTED_PROXIES"));
    }

    private void mail() {
        String host = variables.get("SMTP_HOST");
        if (host != null) {
            put("SMTP_HOST", "spring.mail.host", host);
            put("SMTP_PORT", "spring.mail.port", Objects.requireNonNullElse(variables.integer("SMTP_PORT", 1, 65535),
                    587));
            put("SMTP_USER", "spring.mail.username", variables.get("SMTP_USER"));
            put("SMTP_PASSWORD", "spring.mail.password", variables.get("SMTP_PASSWORD"));
            put("SMTP_HOST", "order.mail.enabled", true);
            put("SMTP_FROM", "order.mail.from", variables.get("SMTP_FROM"));
            put("SMTP_HOST", "order.password-reset.available", true);
        }
        put("PUBLIC_URL", "order.password-reset.public-url", variables.get("PUBLIC_URL"));
    }

    private void webhooks() {
        put("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "order.webhooks.allow-private-networks",
                variables.bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", false));
        put("WEBHOOK_ALLOW_HTTP", "order.webhooks.allow-http", variables.bool("WEBHOOK_ALLOW_HTTP", false));
    }

    private void misc() {
        put("ADMIN_EMAIL", "order.admin.email", variables.get("ADMIN_EMAIL"));
        put("ADMIN_PASSWORD", "order.admin.password", variables.get("ADMIN_PASSWORD"));
        put("DEFAULT_CURRENCY", "order.default-currency", variables.stripped("DEFAULT_CURRENCY"));
        put("CONSOLE_ENABLED", "order.console.enabled", variables.bool("CONSOLE_ENABLED", true));
        String sentry = variables.get("SENTRY_DSN");
        if (sentry != null) {
            if (!sentry.matches("https?://[^\\s@]+@[^\\s/]+/\\S+")) {
                throw new InvalidConfiguration("SENTRY_DSN", "must look like https://<key>@<host>/<project>");
            }
            put("SENTRY_DSN", "sentry.dsn", sentry);
            put("ENVIRONMENT", "sentry.environment", properties.get("order.environment"));
            put("SENTRY_DSN", "sentry.send-default-pii", false);
        }
        String datadog = variables.get("DATADOG_API_KEY");
        put("DATADOG_API_KEY", "management.datadog.metrics.export.enabled", datadog != null);
        put("DATADOG_API_KEY", "management.datadog.metrics.export.api-key", datadog);
    }

    /** Sets {@code property} from {@code variable}; nothing when the value is null (the module's default applies). */
    private void put(String variable, String property, Object value) {
        if (value != null) {
            properties.put(property, value);
            origins.put(property, variable);
        }
    }
}
