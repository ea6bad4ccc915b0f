package org.ordersystem.auth;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings as system/EnvironmentSettings translates them from SECRET_KEY, ALGORITHM,
 * ACCESS_TOKEN_EXPIRE_MINUTES and REFRESH_TOKEN_EXPIRE_DAYS. No secret key means development:
 * a random one per start.
 */
@Validated
@ConfigurationProperties("order.tokens")
record TokenProperties(String secretKey, @NotNull @Pattern(regexp = "HS256|HS384|HS512") String algorithm,
        @NotNull Duration accessTokenTtl, @NotNull Duration refreshTokenTtl) {

    @Override
    public String toString() {
        return "TokenProperties[algorithm=" + algorithm + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + "]";
    }
}
