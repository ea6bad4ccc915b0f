package org.ordersystem.system.config;

import org.ordersystem.system.data.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once, when ready, what the service runs on and how to point it elsewhere. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final DatabaseProperties database;

    StartupReport(Environment environment, DatabaseProperties database) {
        this.environment = environment;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        boolean redis = environment.getProperty("order.redis.enabled", Boolean.class, false);
        String postgres = database.embedded()
                ? "embedded PostgreSQL with data in " + database.embeddedDirectory()
                        + " (set DATABASE_URL=postgresql://user:password@host:5432/db for a real one)"
                : "PostgreSQL at " + environment.getProperty("spring.datasource.url");
        String cache = redis
                ? "Redis for cache and rate limits"
                : "in-process cache and rate limiter (set REDIS_URL=redis://host:6379/0 to share them between replicas)";
        log.info("Order backend ready on port {} ({}): {}; {}; cache type {}", environment.getProperty("local.server.port",
                environment.getProperty("server.port")), environment.getProperty("order.environment"), postgres, cache,
                environment.getProperty("spring.cache.type"));
    }
}
