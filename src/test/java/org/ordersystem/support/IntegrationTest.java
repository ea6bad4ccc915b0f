package org.ordersystem.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Boots the whole application on a random port against the real PostgreSQL and Redis
 * of {@link TestServices} ({@link WithTestServices}). Every test class that uses it shares
 * one application context, so its configuration must not vary between classes.
 * <p>
 * Besides HTTP on its port, the context answers MockMvc requests, for what a socket from
 * this machine cannot show: a request from another peer address. {@link #TRUSTED_PROXY}, a
 * documentation address no real connection comes from, is the one trusted proxy. It has the
 * production default pool (20 + 30), for the concurrency tests.
 * <p>
 * Webhooks may go to the tests' receivers (plain http on loopback), with short retry delays and
 * timeout; production's are longer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithTestServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "RATELIMIT_DEFAULT=100000/hour", "ADMIN_EMAIL=admin@orders.test", "ADMIN_PASSWORD=Admin-Passw0rd!",
        "TRUSTED_PROXIES=" + IntegrationTest.TRUSTED_PROXY + "/32", "DATABASE_POOL_SIZE=20", "DATABASE_MAX_OVERFLOW=30",
        "spring.jpa.properties.hibernate.generate_statistics=true", "order.console.rate-limit=100000/minute",
        "WEBHOOK_ALLOW_HTTP=true", "WEBHOOK_ALLOW_PRIVATE_NETWORKS=true", "order.webhooks.retry-delays=1s,2s",
        "order.webhooks.timeout=2s", "order.webhooks.poll-interval=100ms" })
@AutoConfigureMockMvc
public @interface IntegrationTest {

    /** The shared context's trusted proxy (TEST-NET-1), for MockMvc requests that come from it. */
    String TRUSTED_PROXY = "192.0.2.10";
}
