package org.ordersystem.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared PostgreSQL and Redis before a test class that starts application
 * instances of its own ({@link AppInstance}, {@link JarProcess}), so their start-up is not
 * charged to the first test. It sets nothing global: each instance is given the services'
 * addresses explicitly, and a Spring test context gets them from {@link WithTestServices}.
 */
public class TestServicesExtension implements BeforeAllCallback {

    /** A fixed test key; never used outside tests. */
    public static final String TEST_SECRET_KEY = "test-secret-key-for-integration-tests-only-0123456789";

    @Override
    public void beforeAll(ExtensionContext context) {
        TestServices.get();
    }
}
