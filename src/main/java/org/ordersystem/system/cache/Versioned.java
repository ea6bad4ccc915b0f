package org.ordersystem.system.cache;

/**
 * A cached value with its place in a row's history: a newer version replaces an older one and
 * a deletion is final ({@link ResilientCache#putNewer}). In Redis the value's JSON carries both
 * as {@code version} and {@code deleted}.
 */
public interface Versioned {

    long version();

    boolean deleted();

    /** Whether {@code offered} may replace {@code held} in a cache. */
    static boolean replaces(Versioned offered, Object held) {
        if (!(held instanceof Versioned current)) {
            return true;
        }
        return !current.deleted() && (offered.deleted() || offered.version() > current.version());
    }
}
