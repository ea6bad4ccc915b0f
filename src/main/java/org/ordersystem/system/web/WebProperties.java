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
     * The admission gate's adaptive limit and its queue (see {@link AdmissionValve}).
     *
     * @param maxConcurrent the most API requests the adaptive limit lets run at once; 0 means four
     *        times the connection pool (at least 8)
     * @param maxWait the longest a request over the limit waits in the queue for its turn before it is
     *        refused with 503; 0 (the default) refuses it at once
     * @param queue how many requests may wait at once; more are refused at once
     * @param poolSize the connection pool's size (application.yml takes it from Hikari's)
     */
    record Admission(@DefaultValue("0") int maxConcurrent, @DefaultValue("0ms") Duration maxWait,
            @DefaultValue("100") int queue, int poolSize) {

        /** The limit never falls below the pool: fewer requests could not keep every connection busy. */
        int minLimit() {
            return Math.min(maxLimit(), Math.max(2, poolSize));
        }

        /** Where the limit starts: twice the pool, as the fixed gate had. */
        int initialLimit() {
            return Math.min(maxLimit(), Math.max(4, 2 * poolSize));
        }

        int maxLimit() {
            return maxConcurrent > 0 ? maxConcurrent : Math.max(8, 4 * poolSize);
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
