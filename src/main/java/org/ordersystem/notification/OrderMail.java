package org.ordersystem.notification;

/** A composed e-mail, ready to send: one recipient, plain text and HTML, a stable Message-ID. */
record OrderMail(long orderId, String kind, String to, String toName, String subject, String text, String html,
        String messageId) {

    @Override
    public String toString() {
        // never the address or the body: this may end up in a log line
        return "OrderMail[order=" + orderId + ", kind=" + kind + ", messageId=" + messageId + "]";
    }
}
