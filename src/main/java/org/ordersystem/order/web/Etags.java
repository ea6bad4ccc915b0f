package org.ordersystem.order.web;

import java.util.List;

import org.ordersystem.order.OrderSnapshot;

import org.springframework.http.ETag;

/**
 * ETags of an order are its version: {@code "<version>"}. If-Match compares strongly and
 * If-None-Match weakly (RFC 9110, 13.1.1 and 13.1.2).
 */
final class Etags {

    /** Demanded by an If-Match that names no version: never current, so the write is refused (412). */
    private static final long NO_VERSION = -1;

    private Etags() {
    }

    static String of(OrderSnapshot order) {
        return of(order.version());
    }

    static String of(long version) {
        return tag(version).formattedTag();
    }

    /**
     * The version an If-Match demands, for the service to compare under the order's row lock;
     * null for none or {@code *}. Only a single strong tag names a version: a weak tag, a list
     * or a value that is no entity tag can never match.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<ETag> tags = ETag.parse(ifMatch);
        if (tags.size() == 1 && tags.get(0).isWildcard()) {
            return null;
        }
        if (tags.size() != 1 || tags.get(0).weak()) {
            return NO_VERSION;
        }
        try {
            return Long.parseLong(tags.get(0).tag());
        }
        catch (NumberFormatException ex) {
            return NO_VERSION;
        }
    }

    /** Whether an If-None-Match names the order's current version (or is {@code *}). */
    static boolean matches(String ifNoneMatch, OrderSnapshot order) {
        if (ifNoneMatch == null) {
            return false;
        }
        ETag current = tag(order.version());
        return ETag.parse(ifNoneMatch).stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }

    private static ETag tag(long version) {
        return new ETag(Long.toString(version), false);
    }
}
