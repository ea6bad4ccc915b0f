package org.ordersystem.user;

/** Published inside the transaction that changed a user's password, so sessions can be ended with it. */
public record PasswordChanged(long userId) {
}
