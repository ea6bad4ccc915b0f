package org.ordersystem.system.web;

import java.time.Duration;

import org.ordersystem.system.web.ClientAddress.Cidr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the HTTP pipeline.
 *
 * @param trustedProxies TRUSTED_PROXIES ({@code order.trusted-proxies}): comma-separated addresses and CIDR blocks
 *        of the peers whose forwarded headers are believed
 * @param metricsToken METRICS_TOKEN ({@code order.metrics-token}): when set, {@code /metrics} asks for it
 * @param admission how many API requests run at once ({@code order.admission.*})
 */
@ConfigurationProperties("order")
record WebProperties(@DefaultValue("") String trustedProxies, String metricsToken, @DefaultValue Admission admission)
        implements Validator {

    /**
     * @param maxConcurrent API requests running at once; 0 means twice the connection pool (at least 4)
     * @param maxWait how long a request waits for its turn before it is refused with 503
     * @param poolSize the connection pool's size (application.yml takes it from Hikari's)
     */
    record Admission(@DefaultValue("0") int maxConcurrent, @DefaultValue("500ms") Duration maxWait, int poolSize) {

        int limit() {
            return maxConcurrent > 0 ? maxConcurrent : Math.max(4, 2 * poolSize);
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return WebProperties.class.isAssignableFrom(type);
    }

    /** A proxy list that cannot be read stops start-up rather than trusting nobody, or the wrong peers. */
    @Override
    public void validate(Object target, Errors errors) {
        try {
            Cidr.parseAll(trustedProxies);
        }
        catch (IllegalArgumentException ex) {
            errors.rejectValue("trustedProxies", "cidr",
                    "must be comma-separated addresses or CIDR blocks: " + ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return "WebProperties[trustedProxies=" + trustedProxies + ", metricsToken="
                + (metricsToken == null ? "none" : "set") + ", admission=" + admission + "]";
    }
}
