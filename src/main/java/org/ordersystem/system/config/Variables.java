package org.ordersystem.system.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The guide's variables read as the types they are written in. A value that is not of its
 * type stops start-up with an {@link InvalidConfiguration} naming the variable; what a
 * well-formed value may be is the business of the module that uses it.
 */
final class Variables {

    private final Function<String, String> source;

    Variables(Function<String, String> source) {
        this.source = source;
    }

    /** The value as written (a secret may start or end with a space), or null when unset or blank. */
    String get(String variable) {
        String value = source.apply(variable);
        return value == null || value.isBlank() ? null : value;
    }

    /** The value without surrounding spaces, or null when unset or blank. */
    String stripped(String variable) {
        String value = get(variable);
        return value == null ? null : value.strip();
    }

    boolean isSet(String variable) {
        return get(variable) != null;
    }

    String oneOf(String variable, String fallback, Set<String> allowed) {
        String value = isSet(variable) ? stripped(variable).toLowerCase(Locale.ROOT) : fallback;
        if (!allowed.contains(value)) {
            throw new InvalidConfiguration(variable, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    boolean bool(String variable, boolean fallback) {
        if (!isSet(variable)) {
            return fallback;
        }
        return switch (stripped(variable).toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidConfiguration(variable, "must be true or false");
        };
    }

    /** A whole number in a range; null when unset. */
    Integer integer(String variable, int min, int max) {
        if (!isSet(variable)) {
            return null;
        }
        Integer number = parse(stripped(variable));
        if (number == null || number < min || number > max) {
            throw new InvalidConfiguration(variable, "must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    /** A whole number whose range is for its module to judge; null when unset. */
    Integer wholeNumber(String variable) {
        if (!isSet(variable)) {
            return null;
        }
        Integer number = parse(stripped(variable));
        if (number == null) {
            throw new InvalidConfiguration(variable, "must be a whole number");
        }
        return number;
    }

    String redisUrl(String variable) {
        String url = stripped(variable);
        if (url != null && !url.matches("(?i)rediss?://[^\\s/]+(:\\d+)?(/\\d{0,2})?")) {
            throw new InvalidConfiguration(variable, "must look like redis://host:6379/0 (or rediss:// for TLS)");
        }
        return url;
    }

    String readableFile(String variable) {
        Path path = Path.of(get(variable));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidConfiguration(variable, "names a file that does not exist or cannot be read");
        }
        return path.toAbsolutePath().toString();
    }

    private static Integer parse(String text) {
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
