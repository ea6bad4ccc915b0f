package org.ordersystem.system.config;

import java.util.Set;

import org.springframework.util.ClassUtils;

/**
 * What may not start although each variable is well-formed on its own: the production
 * rules and the rules across variables. Runs before the translation, so a refusal comes
 * before any work and names the variable to fix.
 */
final class StartupGuard {

    static final Set<String> ENVIRONMENTS = Set.of("development", "test", "staging", "production");
    /** False in the jar built for the image (mvn package -Dimage), which leaves the embedded PostgreSQL out. */
    private static final boolean EMBEDDED_DATABASE_PRESENT = ClassUtils
            .isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", StartupGuard.class.getClassLoader());

    private StartupGuard() {
    }

    static void check(Variables variables) {
        if (isProduction(variables)) {
            if (variables.bool("DEBUG", false)) {
                throw new InvalidConfiguration("DEBUG", "must not be true when ENVIRONMENT=production");
            }
            if (!variables.isSet("SECRET_KEY")) {
                throw new InvalidConfiguration("SECRET_KEY",
                        "is required when ENVIRONMENT=production (at least 32 bytes)");
            }
            if (!variables.isSet("DATABASE_URL")) {
                throw new InvalidConfiguration("DATABASE_URL",
                        "is required when ENVIRONMENT=production (the embedded database is for development only)");
            }
            if (variables.isSet("SMTP_HOST") && !variables.isSet("PUBLIC_URL")) {
                throw new InvalidConfiguration("PUBLIC_URL", "is required when ENVIRONMENT=production and SMTP_HOST "
                        + "is set: the address password-reset e-mails link to, e.g. https://orders.example.com");
            }
            for (String relaxation : new String[] { "WEBHOOK_ALLOW_PRIVATE_NETWORKS", "WEBHOOK_ALLOW_HTTP" }) {
                if (variables.bool(relaxation, false)) {
                    throw new InvalidConfiguration(relaxation,
                            "must not be true when ENVIRONMENT=production (it lets webhooks reach internal services)");
                }
            }
        }
        if (!variables.isSet("DATABASE_URL") && !EMBEDDED_DATABASE_PRESENT) {
            throw new InvalidConfiguration("DATABASE_URL",
                    "is required: this build (the image's) carries no embedded database");
        }
        setTogether(variables, "SSL_CERT_PATH", "SSL_KEY_PATH");
        setTogether(variables, "ADMIN_EMAIL", "ADMIN_PASSWORD");
        if ("redis".equalsIgnoreCase(variables.stripped("CACHE_TYPE")) && !variables.isSet("REDIS_URL")) {
            throw new InvalidConfiguration("CACHE_TYPE", "is redis but REDIS_URL is not set");
        }
    }

    static boolean isProduction(Variables variables) {
        return variables.oneOf("ENVIRONMENT", "development", ENVIRONMENTS).equals("production");
    }

    /** Names the one that is missing. */
    private static void setTogether(Variables variables, String one, String other) {
        if (variables.isSet(one) != variables.isSet(other)) {
            String missing = variables.isSet(one) ? other : one;
            throw new InvalidConfiguration(missing, "must be set together with " + (missing.equals(one) ? other : one));
        }
    }
}
