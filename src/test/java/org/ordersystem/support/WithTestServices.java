package org.ordersystem.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Points a Spring test context at the PostgreSQL and Redis of {@link TestServices} the way
 * production is configured: DATABASE_URL, REDIS_URL, SECRET_KEY and ENVIRONMENT by the guide's
 * names, and a small connection pool, in a property source of this test context only (never
 * System properties, which would leak into every later test and instance of the JVM). Test
 * property sources are in the Environment before the application's environment post-processor
 * translates those names; a {@code @DynamicPropertySource} would come too late. The values
 * are the same for the whole run, so contexts that differ in nothing else are still one
 * cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(locations = "classpath:org/ordersystem/support/test-services.properties",
        factory = TestServicesPropertySource.class)
public @interface WithTestServices {
}
