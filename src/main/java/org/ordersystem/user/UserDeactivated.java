package org.ordersystem.user;

/** Published inside the transaction that deactivated a user, so that their sessions end with it. */
public record UserDeactivated(long userId) {
}
