package org.ordersystem.system.data;

/**
 * Whether the read-only call running on this thread took a connection from the replica, so
 * that a failure there can be retried on the primary ({@link ReplicaFailover}).
 */
final class ReplicaUse {

    private static final ThreadLocal<boolean[]> CURRENT = new ThreadLocal<>();

    private ReplicaUse() {
    }

    /** Starts tracking; false when an outer call already tracks this thread. */
    static boolean begin() {
        if (CURRENT.get() != null) {
            return false;
        }
        CURRENT.set(new boolean[1]);
        return true;
    }

    static void mark() {
        boolean[] used = CURRENT.get();
        if (used != null) {
            used[0] = true;
        }
    }

    static boolean used() {
        boolean[] used = CURRENT.get();
        return used != null && used[0];
    }

    static void reset() {
        boolean[] used = CURRENT.get();
        if (used != null) {
            used[0] = false;
        }
    }

    static void end() {
        CURRENT.remove();
    }
}
