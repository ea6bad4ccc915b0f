package org.ordersystem.user;

/**
 * What every authenticated request needs to know about its caller, as it is now (not as
 * the token says); kept in the "user-status" cache.
 */
public record UserStatus(long id, String email, String name, boolean admin, boolean active) {

    public CurrentUser principal() {
        return new CurrentUser(id, email, name, admin);
    }
}
