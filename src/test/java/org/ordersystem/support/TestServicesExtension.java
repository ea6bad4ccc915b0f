package org.ordersystem.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared PostgreSQL and Redis before the Spring context exists and hands
 * their addresses to the application the way production does: as DATABASE_URL and
 * REDIS_URL (system properties, which the application reads like environment variables).
 */
public class TestServicesExtension implements BeforeAllCallback {

    /** A fixed test key; never used outside tests. */
    public static final String TEST_SECRET_KEY = "test-secret-key-for-integration-tests-only-0123456789";

    @Override
    public void beforeAll(ExtensionContext context) {
        TestServices services = TestServices.get();
        System.setProperty("DATABASE_URL", services.databaseUrl());
        System.setProperty("REDIS_URL", services.redisUrl());
        System.setProperty("SECRET_KEY", TEST_SECRET_KEY);
        System.setProperty("ENVIRONMENT", "test");
    }
}
