package org.ordersystem.system.config;

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

    StartupReport(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        boolean embedded = environment.getProperty("order.database.embedded", Boolean.class, false);
        boolean redis = environment.getProperty("order.redis.enabled", Boolean.class, false);
        String database = embedded
                ? "embedded PostgreSQL with data in " + environment.getProperty("order.database.embedded-directory",
                        "data/postgres") + " (set DATABASE_URL=postgresql://user:password@host:5432/db for a real one)"
                : "PostgreSQL at " + environment.getProperty("spring.datasource.url");
        String cache = redis
                ? "Redis for cache and rate limits"
                : "in-process cache and rate limiter (set REDIS_URL=redis://host:6379/0 to share them between replicas)";
        log.info("Order backend ready on port {} ({}): {}; {}; cache type {}", environment.getProperty("local.server.port",
                environment.getProperty("server.port")), environment.getProperty("order.environment"), database, cache,
                environment.getProperty("spring.cache.type"));
    }
}
