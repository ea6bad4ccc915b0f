package org.ordersystem.user;

import java.util.Set;
import java.util.UUID;

/**
 * The port through which the user's cached status learns which of their sessions have
 * ended (logout, a reused refresh token, a password change, deactivation); the auth module,
 * which keeps sessions, implements it. Only sessions whose access tokens may still be
 * unexpired are needed: older ones are refused by their expiry alone.
 */
public interface EndedSessions {

    Set<UUID> of(long userId);
}
