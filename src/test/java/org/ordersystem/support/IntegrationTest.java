package org.ordersystem.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Boots the whole application on a random port against the real PostgreSQL and Redis
 * of {@link TestServices} ({@link WithTestServices}). Every test class that uses it shares
 * one application context, so its configuration must not vary between classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithTestServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "RATELIMIT_DEFAULT=100000/hour", "ADMIN_EMAIL=admin@orders.test", "ADMIN_PASSWORD=Admin-Passw0rd!",
        "spring.jpa.properties.hibernate.generate_statistics=true" })
public @interface IntegrationTest {
}
