package org.ordersystem.notification;

/**
 * A composed e-mail, ready to send: one recipient, plain text and HTML, a stable Message-ID.
 * {@code about} says what it is for the logs ("the placed e-mail of order 7"), never who it goes to.
 */
record Mail(String about, String to, String toName, String subject, String text, String html, String messageId) {

    @Override
    public String toString() {
        // never the address or the body: this may end up in a log line
        return "Mail[" + about + ", messageId=" + messageId + "]";
    }
}
