package org.ordersystem.order.web;

import org.ordersystem.order.OrderSnapshot;

/** ETags of an order are its version: {@code "<version>"}. */
final class Etags {

    private Etags() {
    }

    static String of(OrderSnapshot order) {
        return of(order.version());
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match demands, or null for none or {@code *}. A value that names
     * no version can never match, so it yields -1 (answered 412); so does a weak tag, because
     * If-Match compares strongly (RFC 9110, 13.1.1).
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            return -1L;
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException ex) {
            return -1L;
        }
    }

    /** Whether an If-None-Match names the order's current version. */
    static boolean matches(String ifNoneMatch, OrderSnapshot order) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(of(order)) || tag.equals("W/" + of(order))) {
                return true;
            }
        }
        return false;
    }
}
