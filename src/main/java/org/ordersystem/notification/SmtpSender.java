package org.ordersystem.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Hands one composed e-mail to the SMTP server, for every kind of e-mail: at most
 * {@code order.mail.concurrency} at once (virtual threads would otherwise open one connection
 * per event).
 */
class SmtpSender {

    private static final long WAIT_MINUTES = 1;

    private final JavaMailSender mailSender;
    private final InternetAddress from;
    private final Semaphore connections;

    SmtpSender(JavaMailSender mailSender, InternetAddress from, int concurrency) {
        this.mailSender = mailSender;
        this.from = from;
        this.connections = new Semaphore(concurrency, true);
    }

    /** Returns once the server accepted the message; throws a {@code MailException} otherwise. */
    void send(Mail mail) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // JavaMailSenderImpl keeps a Message-ID that is already set: the same one on every attempt
            message.setHeader("Message-ID", mail.messageId());
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("Could not build " + mail.about(), ex);
        }
        acquireConnection();
        try {
            mailSender.send(message);
        }
        catch (MailSendException ex) {
            // No failed message means the server accepted it and only closing the connection
            // failed: treating that as a failure would send the e-mail twice.
            if (!ex.getFailedMessages().isEmpty()) {
                throw ex;
            }
        }
        finally {
            connections.release();
        }
    }

    private void acquireConnection() {
        try {
            if (!connections.tryAcquire(WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("all SMTP connections busy");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an SMTP connection", ex);
        }
    }
}
