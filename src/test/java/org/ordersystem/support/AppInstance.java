package org.ordersystem.support;

import java.util.ArrayList;
import java.util.List;

import org.ordersystem.OrderBackendApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more replica of the application on its own port, against the shared PostgreSQL and
 * Redis of {@link TestServices}: for tests of several instances or of settings the shared
 * context does not have. Every setting is passed explicitly as a command-line property, the
 * services' addresses included; arguments such as {@code RATELIMIT_DEFAULT=5/minute} come
 * after the defaults and replace them.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(port());
    }

    public static AppInstance start(String... settings) {
        TestServices services = TestServices.get();
        return startOn(services.databaseUrl(), services.redisUrl(), settings);
    }

    /**
     * The same, on another PostgreSQL than the shared one (its own schema, migrated at start),
     * with a Redis URL of its own (another database number: its ids overlap the shared ones).
     */
    public static AppInstance startOn(String databaseUrl, String redisUrl, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ENVIRONMENT=test",
                "--DATABASE_URL=" + databaseUrl, "--REDIS_URL=" + redisUrl,
                "--SECRET_KEY=" + TestServicesExtension.TEST_SECRET_KEY, "--DATABASE_POOL_SIZE=2",
                "--DATABASE_MAX_OVERFLOW=8", "--spring.jmx.enabled=false"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new AppInstance(new SpringApplicationBuilder(OrderBackendApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Api api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
