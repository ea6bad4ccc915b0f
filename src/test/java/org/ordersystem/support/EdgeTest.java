package org.ordersystem.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as it faces clients without a proxy in front: HTTPS only (a
 * {@link SelfSignedCertificate}), a tight rate limit, a metrics token, and Sentry and the
 * Datadog registry switched on (pointed at a closed port, so nothing leaves the machine).
 * The test classes that need these settings share this one cached context instead of each
 * starting an instance of their own; none of them may change what another relies on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithTestServices
@TestPropertySource(locations = "classpath:org/ordersystem/support/self-signed-certificate.properties",
        factory = SelfSignedCertificate.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "RATELIMIT_DEFAULT=" + EdgeTest.RATE_LIMIT + "/hour", "METRICS_TOKEN=" + EdgeTest.METRICS_TOKEN,
        "SENTRY_DSN=https://publickey@127.0.0.1:9/1", "DATADOG_API_KEY=datadog-key-for-tests",
        "management.datadog.metrics.export.step=1h", "management.datadog.metrics.export.uri=http://127.0.0.1:9" })
public @interface EdgeTest {

    /** Requests per hour for each caller and address. */
    int RATE_LIMIT = 10;

    String METRICS_TOKEN = "metrics-token-for-tests-only";
}
