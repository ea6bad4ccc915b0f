package org.ordersystem.system.config;

import org.ordersystem.system.data.DatabaseUrl;
import org.ordersystem.system.web.ClientAddress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ordersystem.ratelimit.Rate;

/**
 * The one place that reads the environment variables of the design's configuration
 * table. Each is validated and translated into the Spring properties it stands for;
 * a bad value stops start-up with an {@link InvalidConfiguration} naming the variable.
 */
final class EnvironmentSettings {

    /** Authentication is by bearer token only, so no generated in-memory user. */
    static final String ALWAYS_EXCLUDED = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration";

    static final String REDIS_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    private static final Set<String> ENVIRONMENTS = Set.of("development", "test", "staging", "production");
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
    private static final Map<String, Integer> MIN_KEY_BYTES = Map.of("HS256", 32, "HS384", 48, "HS512", 64);
    /**
     * Words that mark a value copied from an example rather than generated, compared with
     * case and punctuation removed (so change_me, CHANGE-ME and ChangeMe all match). The
     * placeholders shipped in .env.example and k8s/secret.example.yaml carry CHANGE_ME.
     */
    private static final List<String> PLACEHOLDER_MARKERS = List.of("changeme", "placeholder", "replaceme",
            "yoursecret", "example");
    private static final int MIN_DISTINCT_KEY_CHARACTERS = 8;

    private final Function<String, String> variables;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private EnvironmentSettings(Function<String, String> variables) {
        this.variables = variables;
    }

    /** The Spring properties for these variables, or an {@link InvalidConfiguration}. */
    static Map<String, Object> translate(Function<String, String> variables) {
        EnvironmentSettings settings = new EnvironmentSettings(variables);
        settings.service();
        settings.tokens();
        settings.database();
        settings.redis();
        settings.web();
        settings.mail();
        settings.misc();
        return settings.properties;
    }

    private void service() {
        String environment = oneOf("ENVIRONMENT", "development", ENVIRONMENTS);
        boolean production = environment.equals("production");
        boolean debug = bool("DEBUG", false);
        if (production && debug) {
            throw new InvalidConfiguration("DEBUG", "must not be true when ENVIRONMENT=production");
        }
        properties.put("order.environment", environment);
        properties.put("order.debug", debug);
        properties.put("logging.level.root", oneOf("LOG_LEVEL", "info", LOG_LEVELS));
        if (debug) {
            properties.put("logging.level.org.ordersystem", "debug");
        }
        String format = oneOf("LOG_FORMAT", production ? "json" : "text", Set.of("json", "text"));
        if (format.equals("json")) {
            properties.put("logging.structured.format.console", "ecs");
        }
        if (get("PORT") != null) {
            properties.put("server.port", integer("PORT", 8000, 1, 65535));
        }
    }

    private void tokens() {
        String algorithm = get("ALGORITHM") == null ? "HS256" : get("ALGORITHM").strip().toUpperCase(Locale.ROOT);
        if (!MIN_KEY_BYTES.containsKey(algorithm)) {
            throw new InvalidConfiguration("ALGORITHM", "must be HS256, HS384 or HS512");
        }
        String secret = get("SECRET_KEY");
        if (secret == null && production()) {
            throw new InvalidConfiguration("SECRET_KEY", "is required when ENVIRONMENT=production (at least 32 bytes)");
        }
        if (secret != null) {
            int minimum = MIN_KEY_BYTES.get(algorithm);
            if (secret.getBytes(StandardCharsets.UTF_8).length < minimum) {
                throw new InvalidConfiguration("SECRET_KEY", "must be at least " + minimum + " bytes for " + algorithm);
            }
            if (isPlaceholder(secret)) {
                throw new InvalidConfiguration("SECRET_KEY", "is a placeholder, not a key: generate one, e.g. "
                        + "openssl rand -base64 48");
            }
            if (secret.codePoints().distinct().count() < MIN_DISTINCT_KEY_CHARACTERS) {
                throw new InvalidConfiguration("SECRET_KEY", "has fewer than " + MIN_DISTINCT_KEY_CHARACTERS
                        + " different characters, so it is not random: generate one, e.g. openssl rand -base64 48");
            }
            properties.put("order.tokens.secret-key", secret);
        }
        properties.put("order.tokens.algorithm", algorithm);
        properties.put("order.tokens.access-token-ttl", integer("ACCESS_TOKEN_EXPIRE_MINUTES", 30, 1, 1440) + "m");
        properties.put("order.tokens.refresh-token-ttl", integer("REFRESH_TOKEN_EXPIRE_DAYS", 7, 1, 365) + "d");
    }

    private void database() {
        String url = get("DATABASE_URL");
        if (url == null) {
            if (production()) {
                throw new InvalidConfiguration("DATABASE_URL",
                        "is required when ENVIRONMENT=production (the embedded database is for development only)");
            }
            properties.put("order.database.embedded", true);
        }
        else {
            DatabaseUrl database = DatabaseUrl.parse("DATABASE_URL", url);
            properties.put("spring.datasource.url", database.jdbcUrl());
            putIfSet("spring.datasource.username", database.username());
            putIfSet("spring.datasource.password", database.password());
        }
        if (get("DATABASE_REPLICA_URL") != null) {
            properties.put("order.database.replica-url", DatabaseUrl.parse("DATABASE_REPLICA_URL",
                    get("DATABASE_REPLICA_URL")).jdbcUrl());
        }
        int pool = integer("DATABASE_POOL_SIZE", 20, 1, 1000);
        int overflow = integer("DATABASE_MAX_OVERFLOW", 30, 0, 1000);
        // an order answered 201 must survive a database crash, whatever the server's default
        properties.put("spring.datasource.hikari.connection-init-sql", "SET synchronous_commit TO on");
        // a statement on a network that stopped answering fails (503) within the design's 5 s;
        // migrations are exempt (MigrationWithoutSocketTimeout)
        properties.put("spring.datasource.hikari.data-source-properties.socketTimeout", "4");
        // the driver would otherwise put statement parameters (password hashes, e-mails) into
        // exception messages, and from there into logs
        properties.put("spring.datasource.hikari.data-source-properties.logServerErrorDetail", "false");
        properties.put("spring.datasource.hikari.minimum-idle", pool);
        properties.put("spring.datasource.hikari.maximum-pool-size", pool + overflow);
    }

    private void redis() {
        String url = redisUrl("REDIS_URL");
        if (url != null) {
            properties.put("spring.data.redis.url", url);
            putIfSet("spring.data.redis.password", get("REDIS_PASSWORD"));
        }
        properties.put("spring.autoconfigure.exclude",
                url != null ? ALWAYS_EXCLUDED : ALWAYS_EXCLUDED + "," + REDIS_AUTO_CONFIGURATIONS);
        properties.put("order.redis.enabled", url != null);
        String cache = oneOf("CACHE_TYPE", url != null ? "redis" : "simple", Set.of("redis", "simple", "none"));
        if (cache.equals("redis") && url == null) {
            throw new InvalidConfiguration("CACHE_TYPE", "is redis but REDIS_URL is not set");
        }
        // "simple" is an in-process Caffeine cache, so entries expire as they do in Redis
        properties.put("spring.cache.type", cache.equals("simple") ? "caffeine" : cache);

        String limits = get("RATELIMIT_DEFAULT") == null ? "100/hour" : get("RATELIMIT_DEFAULT");
        try {
            Rate.parseAll(limits);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfiguration("RATELIMIT_DEFAULT", ex.getMessage());
        }
        properties.put("order.ratelimit.limits", limits);
        String storage = redisUrl("RATELIMIT_STORAGE_URL");
        putIfSet("order.ratelimit.storage-url", storage != null ? storage : url);
    }

    private void web() {
        String certificate = get("SSL_CERT_PATH");
        String key = get("SSL_KEY_PATH");
        if ((certificate == null) != (key == null)) {
            throw new InvalidConfiguration(certificate == null ? "SSL_CERT_PATH" : "SSL_KEY_PATH",
                    "must be set together with " + (certificate == null ? "SSL_KEY_PATH" : "SSL_CERT_PATH"));
        }
        if (certificate != null) {
            properties.put("spring.ssl.bundle.pem.server.keystore.certificate", "file:" + readableFile("SSL_CERT_PATH"));
            properties.put("spring.ssl.bundle.pem.server.keystore.private-key", "file:" + readableFile("SSL_KEY_PATH"));
            properties.put("server.ssl.bundle", "server");
            properties.put("server.ssl.enabled", true);
        }
        putIfSet("order.metrics-token", get("METRICS_TOKEN"));
        // Spring Boot turns Tomcat's RemoteIpValve on by itself on Kubernetes; it would rewrite the
        // remote address and scheme for any private-network peer. TRUSTED_PROXIES decides instead
        // (ClientAddress for X-Forwarded-For, ForwardedProtocolFilter for the scheme).
        properties.put("server.forward-headers-strategy", "none");
        String proxies = get("TRUSTED_PROXIES");
        if (proxies != null) {
            try {
                ClientAddress.Cidr.parseAll(proxies);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidConfiguration("TRUSTED_PROXIES", "must be comma-separated addresses or CIDR blocks: "
                        + ex.getMessage());
            }
            properties.put("order.trusted-proxies", proxies);
        }
    }

    private void mail() {
        String host = get("SMTP_HOST");
        if (host != null) {
            properties.put("spring.mail.host", host);
            properties.put("spring.mail.port", integer("SMTP_PORT", 587, 1, 65535));
            putIfSet("spring.mail.username", get("SMTP_USER"));
            putIfSet("spring.mail.password", get("SMTP_PASSWORD"));
            properties.put("order.mail.enabled", true);
            properties.put("order.mail.from", get("SMTP_FROM") != null ? get("SMTP_FROM") : "orders@localhost");
        }
    }

    private void misc() {
        String email = get("ADMIN_EMAIL");
        String password = get("ADMIN_PASSWORD");
        if ((email == null) != (password == null)) {
            throw new InvalidConfiguration(email == null ? "ADMIN_EMAIL" : "ADMIN_PASSWORD",
                    "must be set together with " + (email == null ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"));
        }
        putIfSet("order.admin.email", email);
        putIfSet("order.admin.password", password);
        String currency = get("DEFAULT_CURRENCY") == null ? "USD" : get("DEFAULT_CURRENCY").strip();
        try {
            if (!currency.equals(currency.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(currency);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfiguration("DEFAULT_CURRENCY", "must be an ISO-4217 code such as USD");
        }
        properties.put("order.default-currency", currency);
        String sentry = get("SENTRY_DSN");
        if (sentry != null) {
            if (!sentry.matches("https?://[^\\s@]+@[^\\s/]+/\\S+")) {
                throw new InvalidConfiguration("SENTRY_DSN", "must look like https://<key>@<host>/<project>");
            }
            properties.put("sentry.dsn", sentry);
            properties.put("sentry.environment", properties.get("order.environment"));
            properties.put("sentry.send-default-pii", false);
        }
        String datadog = get("DATADOG_API_KEY");
        properties.put("management.datadog.metrics.export.enabled", datadog != null);
        putIfSet("management.datadog.metrics.export.api-key", datadog);
    }

    /** Long enough, but copied from an example: as unsafe as a short key, and guessable by anyone who read it. */
    private static boolean isPlaceholder(String secret) {
        String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PLACEHOLDER_MARKERS.stream().anyMatch(letters::contains);
    }

    private boolean production() {
        return "production".equals(properties.get("order.environment"));
    }

    private String get(String variable) {
        String value = variables.apply(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private void putIfSet(String property, Object value) {
        if (value != null) {
            properties.put(property, value);
        }
    }

    private String oneOf(String variable, String fallback, Set<String> allowed) {
        String value = get(variable) == null ? fallback : get(variable).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new InvalidConfiguration(variable, "must be one of " + String.join(", ", List.copyOf(allowed).stream()
                    .sorted().toList()));
        }
        return value;
    }

    private boolean bool(String variable, boolean fallback) {
        String value = get(variable);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidConfiguration(variable, "must be true or false");
        };
    }

    private int integer(String variable, int fallback, int min, int max) {
        String value = get(variable);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new InvalidConfiguration(variable, "must be a whole number from " + min + " to " + max);
    }

    private String redisUrl(String variable) {
        String value = get(variable);
        if (value == null) {
            return null;
        }
        String url = value.strip();
        if (!url.matches("(?i)rediss?://[^\\s/]+(:\\d+)?(/\\d{0,2})?")) {
            throw new InvalidConfiguration(variable, "must look like redis://host:6379/0 (or rediss:// for TLS)");
        }
        return url;
    }

    private String readableFile(String variable) {
        Path path = Path.of(get(variable));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidConfiguration(variable, "names a file that does not exist or cannot be read");
        }
        return path.toAbsolutePath().toString();
    }
}
