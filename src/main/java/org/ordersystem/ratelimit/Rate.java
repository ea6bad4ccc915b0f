package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request rate such as {@code 100/hour}; several are written joined by {@code ;}. */
public record Rate(long permits, Duration period) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(second|minute|hour|day)\\s*");

    public Rate {
        if (permits < 1) {
            throw new IllegalArgumentException("a rate needs at least one request per period");
        }
    }

    /** Parses {@code N/second|minute|hour|day} joined by {@code ;}; throws IllegalArgumentException on anything else. */
    public static List<Rate> parseAll(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; write N/second, N/minute, N/hour or N/day, joined by ';'");
        }
        List<Rate> rates = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            Matcher matcher = SYNTAX.matcher(part.toLowerCase(Locale.ROOT));
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
                throw new IllegalArgumentException("has '" + part.strip()
                        + "'; write N/second, N/minute, N/hour or N/day (N >= 1), joined by ';'");
            }
            rates.add(new Rate(Long.parseLong(matcher.group(1)), periodOf(matcher.group(2))));
        }
        return List.copyOf(rates);
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
