package org.ordersystem.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings from SECRET_KEY, ALGORITHM, ACCESS_TOKEN_EXPIRE_MINUTES and
 * REFRESH_TOKEN_EXPIRE_DAYS. No secret key means development: a random one per start
 * (production requires one, see the start-up guard). A key that is short for its
 * algorithm, copied from an example or visibly not random is refused in every environment.
 */
@Validated
@ConfigurationProperties("order.tokens")
record TokenProperties(String secretKey,
        @DefaultValue("HS256") @Pattern(regexp = "HS256|HS384|HS512", message = "must be HS256, HS384 or HS512")
        String algorithm,
        @DefaultValue("30m") @DurationMin(minutes = 1, message = TokenProperties.ACCESS_RANGE)
        @DurationMax(days = 1, message = TokenProperties.ACCESS_RANGE) Duration accessTokenTtl,
        @DefaultValue("7d") @DurationMin(days = 1, message = TokenProperties.REFRESH_RANGE)
        @DurationMax(days = 365, message = TokenProperties.REFRESH_RANGE) Duration refreshTokenTtl)
        implements Validator {

    static final String ACCESS_RANGE = "must be from 1 to 1440 minutes";
    static final String REFRESH_RANGE = "must be from 1 to 365 days";

    private static final Map<String, Integer> MIN_KEY_BYTES = Map.of("HS256", 32, "HS384", 48, "HS512", 64);
    /**
     * Words that mark a value copied from an example rather than generated, compared with
     * case and punctuation removed (so change_me, CHANGE-ME and ChangeMe all match). The
     * placeholders shipped in .env.example and k8s/secret.example.yaml carry CHANGE_ME.
     */
    private static final List<String> PLACEHOLDER_MARKERS = List.of("changeme", "placeholder", "replaceme",
            "yoursecret", "example");
    private static final int MIN_DISTINCT_KEY_CHARACTERS = 8;
    private static final String GENERATE = "generate one, e.g. openssl rand -base64 48";

    @Override
    public boolean supports(Class<?> type) {
        return TokenProperties.class.isAssignableFrom(type);
    }

    /** The key's rules; the messages never contain the key. */
    @Override
    public void validate(Object target, Errors errors) {
        if (secretKey == null || !MIN_KEY_BYTES.containsKey(algorithm)) {
            return;
        }
        int minimum = MIN_KEY_BYTES.get(algorithm);
        if (secretKey.getBytes(StandardCharsets.UTF_8).length < minimum) {
            errors.rejectValue("secretKey", "short", "must be at least " + minimum + " bytes for " + algorithm);
        }
        else if (isPlaceholder(secretKey)) {
            errors.rejectValue("secretKey", "placeholder", "is a placeholder, not a key: " + GENERATE);
        }
        else if (secretKey.codePoints().distinct().count() < MIN_DISTINCT_KEY_CHARACTERS) {
            errors.rejectValue("secretKey", "not-random", "has fewer than " + MIN_DISTINCT_KEY_CHARACTERS
                    + " different characters, so it is not random: " + GENERATE);
        }
    }

    /** Long enough, but copied from an example: as unsafe as a short key, and guessable by anyone who read it. */
    private static boolean isPlaceholder(String secret) {
        String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PLACEHOLDER_MARKERS.stream().anyMatch(letters::contains);
    }

    @Override
    public String toString() {
        return "TokenProperties[algorithm=" + algorithm + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl="
                + refreshTokenTtl + "]";
    }
}
