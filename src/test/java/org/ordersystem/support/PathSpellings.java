package org.ordersystem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways an attacker spells a path so that one component reads it differently from
 * another: percent-encoded letters in each segment, {@code ;} parameters, empty and dot
 * segments, an encoded slash, a trailing slash and other letter cases. The service must
 * refuse each (400 or 404) or treat it exactly like the canonical path.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    public static List<String> of(String canonical) {
        String[] segments = canonical.substring(1).split("/");
        List<String> spellings = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String[] encoded = segments.clone();
            encoded[i] = String.format("%%%02X", (int) encoded[i].charAt(0)) + encoded[i].substring(1);
            spellings.add(join(encoded));
            String[] lowerHex = segments.clone();
            lowerHex[i] = String.format("%%%02x", (int) lowerHex[i].charAt(0)) + lowerHex[i].substring(1);
            spellings.add(join(lowerHex));
            String[] parameter = segments.clone();
            parameter[i] = parameter[i] + ";x=1";
            spellings.add(join(parameter));
        }
        String first = "/" + segments[0];
        String rest = canonical.substring(first.length());
        spellings.add("/" + canonical);
        spellings.add(first + "/." + rest);
        spellings.add(first + "/x/.." + rest);
        if (!rest.isEmpty()) {
            spellings.add(first + "/" + rest);
            spellings.add(first + "%2F" + rest.substring(1));
        }
        spellings.add(canonical + "/");
        spellings.add(canonical.toUpperCase(Locale.ROOT));
        spellings.add(canonical.substring(0, canonical.length() - 1)
                + canonical.substring(canonical.length() - 1).toUpperCase(Locale.ROOT));
        return spellings;
    }

    private static String join(String[] segments) {
        return "/" + String.join("/", segments);
    }
}
