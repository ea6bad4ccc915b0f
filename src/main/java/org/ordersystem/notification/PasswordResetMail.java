package org.ordersystem.notification;

import java.net.URI;
import java.util.UUID;

import org.springframework.web.util.HtmlUtils;

/** Writes the e-mail with a password-reset link: plain text and the same as HTML. */
final class PasswordResetMail {

    static final String SUBJECT = "Reset your password";

    private PasswordResetMail() {
    }

    static Mail compose(UUID reset, String toAddress, String toName, URI link, String messageIdDomain) {
        String text = "Hello " + toName + ",\n\n"
                + "someone, hopefully you, asked to reset the password of your account. Open this link within 30 "
                + "minutes to choose a new one; it works once:\n\n" + link + "\n\n"
                + "If it was not you, ignore this e-mail: your password stays as it is.\n\n"
                + "This message was sent automatically; please do not reply to it.\n";
        String href = HtmlUtils.htmlEscape(link.toString(), "UTF-8");
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>" + SUBJECT + "</title></head>\n"
                + "<body style=\"font-family: sans-serif\">\n<p>Hello " + HtmlUtils.htmlEscape(toName, "UTF-8")
                + ",</p>\n<p>someone, hopefully you, asked to reset the password of your account. Open this link "
                + "within 30 minutes to choose a new one; it works once:</p>\n<p><a href=\"" + href + "\">" + href
                + "</a></p>\n<p>If it was not you, ignore this e-mail: your password stays as it is.</p>\n"
                + "<p style=\"color: #666\">This message was sent automatically; please do not reply to it.</p>\n"
                + "</body></html>\n";
        return new Mail("the password-reset e-mail " + reset, toAddress, toName, SUBJECT, text, html,
                "<password-reset-" + reset + "@" + messageIdDomain + ">");
    }
}
