package org.ordersystem.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ordersystem.OrderBackendApplication;
import org.ordersystem.support.Api;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application instance in this JVM for a fault-injection test, like {@code AppInstance},
 * except that any default can be replaced (a fault test points DATABASE_URL or REDIS_URL at a
 * {@link TcpProxy}); a setting given twice on Spring's command line would be joined with a comma.
 */
final class Node implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private Node(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(port());
    }

    /** Settings as {@code NAME=value}; they replace the defaults of the same name. */
    static Node start(String... settings) {
        TestServices services = TestServices.get();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server.port", "0");
        values.put("ENVIRONMENT", "test");
        values.put("DATABASE_URL", services.databaseUrl());
        values.put("REDIS_URL", services.redisUrl());
        values.put("SECRET_KEY", TestServicesExtension.TEST_SECRET_KEY);
        values.put("DATABASE_POOL_SIZE", "2");
        values.put("DATABASE_MAX_OVERFLOW", "8");
        values.put("RATELIMIT_DEFAULT", "1000000/hour");
        values.put("spring.jmx.enabled", "false");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        List<String> args = new ArrayList<>();
        values.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new Node(new SpringApplicationBuilder(OrderBackendApplication.class).run(args.toArray(String[]::new)));
    }

    /** The shared PostgreSQL's URL with another port (a proxy in front of it); never logged. */
    static String databaseUrlVia(int port) {
        return TestServices.get().databaseUrl().replaceFirst(":\\d+/", ":" + port + "/");
    }

    static String redisUrlVia(int port) {
        return "redis://127.0.0.1:" + port + "/0";
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    Api api() {
        return api;
    }

    @Override
    public void close() {
        context.close();
    }
}
