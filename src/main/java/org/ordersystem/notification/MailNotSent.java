package org.ordersystem.notification;

/**
 * An attempt to send an e-mail failed and will be retried. Thrown so that Spring
 * Modulith marks the publication failed; it carries what the e-mail is about and the kinds of the
 * underlying exceptions only, never their messages (those can hold the address), and no
 * stack trace, since frameworks log it.
 */
class MailNotSent extends RuntimeException {

    MailNotSent(String message) {
        super(message, null, false, false);
    }
}
