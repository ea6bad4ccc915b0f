package org.ordersystem.user;

/**
 * The signed-in caller, as the security filter puts it in the security context
 * (the principal of the Authentication); controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser caller}.
 */
public record CurrentUser(long id, String email, String name, boolean admin) {
}
