package org.ordersystem.notification;

/**
 * An attempt to send an order e-mail failed and will be retried. Thrown so that Spring
 * Modulith marks the publication failed; it carries the order id and the kinds of the
 * underlying exceptions only, never their messages (those can hold the address), and no
 * stack trace, since frameworks log it.
 */
class OrderMailNotSent extends RuntimeException {

    OrderMailNotSent(String message) {
        super(message, null, false, false);
    }
}
