package org.ordersystem.user;

import java.util.Set;
import java.util.UUID;

/**
 * What every authenticated request needs to know about its caller, as it is now (not as
 * the token says); kept in the "user-status" cache. {@code endedSessions} are the caller's
 * sessions ended recently enough that access tokens issued in them may not have expired yet.
 */
public record UserStatus(long id, String email, String name, boolean admin, boolean active, Set<UUID> endedSessions) {

    public UserStatus {
        endedSessions = endedSessions == null ? Set.of() : Set.copyOf(endedSessions);
    }

    public UserStatus(long id, String email, String name, boolean admin, boolean active) {
        this(id, email, name, admin, active, Set.of());
    }

    public boolean hasEnded(UUID session) {
        return endedSessions.contains(session);
    }

    public CurrentUser principal() {
        return new CurrentUser(id, email, name, admin);
    }
}
