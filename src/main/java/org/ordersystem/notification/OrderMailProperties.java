package org.ordersystem.notification;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Order e-mail settings. {@code from} comes from SMTP_FROM (system/config maps the variable);
 * the rest are tuning knobs with production defaults.
 *
 * @param from sender address, {@code orders@example.com} or {@code Shop <orders@example.com>}
 * @param retention how long completed publications are kept before they are deleted
 * @param retryInterval how often the retry job looks for e-mails to send again
 * @param initialBackoff wait after the first failed attempt; doubles with every further attempt
 * @param maxBackoff the longest wait between two attempts
 * @param stuckAfter an attempt that has not finished after this long was lost (crash, kill) and is retried
 * @param concurrency how many e-mails are handed to the SMTP server at once
 */
@Validated
@ConfigurationProperties("order.mail")
record OrderMailProperties(@DefaultValue("orders@localhost") @NotBlank String from,
        @DefaultValue("7d") @DurationMin(minutes = 1) Duration retention,
        @DefaultValue("30s") @DurationMin(millis = 100) Duration retryInterval,
        @DefaultValue("30s") @DurationMin(millis = 100) Duration initialBackoff,
        @DefaultValue("30m") @DurationMin(millis = 100) Duration maxBackoff,
        @DefaultValue("15m") @DurationMin(seconds = 1) Duration stuckAfter,
        @DefaultValue("8") @Min(1) @Max(100) int concurrency) implements Validator {

    /** The parsed sender. */
    InternetAddress sender() {
        try {
            return parse(from);
        }
        catch (AddressException ex) {
            throw new IllegalStateException("order.mail.from was validated at start-up", ex);
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return OrderMailProperties.class.isAssignableFrom(type);
    }

    /** A malformed SMTP_FROM stops start-up instead of failing every e-mail. */
    @Override
    public void validate(Object target, Errors errors) {
        try {
            if (from != null && !from.isBlank()) {
                parse(from);
            }
        }
        catch (AddressException ex) {
            errors.rejectValue("from", "address", "is not a valid e-mail address");
        }
    }

    private static InternetAddress parse(String text) throws AddressException {
        InternetAddress address = new InternetAddress(text, true);
        address.validate();
        return address;
    }
}
