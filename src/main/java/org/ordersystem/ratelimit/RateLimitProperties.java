package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.Delimiter;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits: RATELIMIT_DEFAULT ({@code order.ratelimit.limits}, parsed into {@link Rate}s,
 * so a malformed limit stops start-up) and RATELIMIT_STORAGE_URL ({@code storage-url},
 * in process when unset). The limiter's own Redis client takes Spring's Redis password and
 * timeout (application.yml).
 */
@Validated
@ConfigurationProperties("order.ratelimit")
record RateLimitProperties(
        @DefaultValue("100/hour") @Delimiter(";") @NotEmpty(message = "is empty; " + Rate.SPELLING) List<Rate> limits,
        String storageUrl, String password, @NotNull Duration timeout) {

    boolean inProcess() {
        return storageUrl == null || storageUrl.isBlank();
    }

    @Override
    public String toString() {
        return "RateLimitProperties[limits=" + limits + ", storageUrl=" + (inProcess() ? "none" : "set") + ", timeout="
                + timeout + "]";
    }
}
