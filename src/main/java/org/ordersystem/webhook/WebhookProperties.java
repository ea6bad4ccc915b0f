package org.ordersystem.webhook;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings. The two relaxations of the SSRF guard come from WEBHOOK_ALLOW_PRIVATE_NETWORKS
 * and WEBHOOK_ALLOW_HTTP (refused in production); the rest are tuning knobs with production
 * defaults.
 *
 * @param allowPrivateNetworks deliver to loopback, private and link-local addresses (never metadata ones)
 * @param allowHttp accept plain http URLs
 * @param retryDelays the wait after the first, second, … failed attempt; the last one repeats
 * @param retryFor how long an event is retried, counted from its first attempt; then the endpoint is deactivated
 * @param timeout the longest a delivery may take, connecting and reading the answer included
 * @param pollInterval how often each replica looks for due deliveries
 * @param lease how long a claimed delivery is its worker's; a worker gone longer than this loses it
 * @param concurrency deliveries in flight at once per replica
 * @param retention how long events (and their delivery log) are kept once nothing is pending for them
 */
@Validated
@ConfigurationProperties("order.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h" }) @NotEmpty List<Duration> retryDelays,
        @DefaultValue("3d") @DurationMin(seconds = 1) Duration retryFor,
        @DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout,
        @DefaultValue("1s") @DurationMin(millis = 50) Duration pollInterval,
        @DefaultValue("2m") @DurationMin(seconds = 1) Duration lease,
        @DefaultValue("8") @Min(1) @Max(100) int concurrency,
        @DefaultValue("30d") @DurationMin(hours = 1) Duration retention) implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return WebhookProperties.class.isAssignableFrom(type);
    }

    /** A lease shorter than an attempt would let a second replica make the same attempt while the first still runs. */
    @Override
    public void validate(Object target, Errors errors) {
        if (lease != null && timeout != null && lease.compareTo(timeout.plusSeconds(5)) < 0) {
            errors.rejectValue("lease", "too-short", "must be at least the timeout plus 5 s");
        }
    }
}
