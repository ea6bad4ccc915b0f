package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request rate such as {@code 100/hour}; several are written joined by {@code ;} (RateLimitProperties). */
public record Rate(long permits, Duration period) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(second|minute|hour|day)\\s*");

    static final String SPELLING = "write N/second, N/minute, N/hour or N/day (N >= 1), joined by ';'";

    public Rate {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate needs at least one request per period");
        }
    }

    /**
     * Parses {@code N/second|minute|hour|day}; throws IllegalArgumentException on anything else.
     * Spring's conversion finds it by its name, so properties bind straight to rates.
     */
    public static Rate valueOf(String text) {
        Matcher matcher = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new IllegalArgumentException(text.isBlank() ? "has an empty rate; " + SPELLING
                    : "has '" + text.strip() + "'; " + SPELLING);
        }
        return new Rate(Long.parseLong(matcher.group(1)), periodOf(matcher.group(2)));
    }

    private static Duration periodOf(String unit) {
        return switch (unit) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
    }

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
