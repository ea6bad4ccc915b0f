package org.ordersystem.notification;

import java.time.Clock;

import org.ordersystem.auth.PasswordResetRequested;
import org.ordersystem.auth.PasswordResets;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserErrorCode;
import org.ordersystem.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * E-mails the link of a password reset after the request committed, through the same outbox
 * and retries as the order e-mails. A link that expired meanwhile (SMTP away for half an hour)
 * is not sent: it could not be used.
 */
class PasswordResetMailListener {

    static final String ID = "notification.password-reset-mail";
    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailListener.class);

    private final UserService users;
    private final PasswordResets resets;
    private final SmtpSender sender;
    private final OrderMailMetrics metrics;
    private final String messageIdDomain;
    private final Clock clock;

    PasswordResetMailListener(UserService users, PasswordResets resets, SmtpSender sender, OrderMailMetrics metrics,
            String messageIdDomain, Clock clock) {
        this.users = users;
        this.resets = resets;
        this.sender = sender;
        this.metrics = metrics;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = ID, propagation = Propagation.NOT_SUPPORTED)
    public void on(PasswordResetRequested event) {
        if (!clock.instant().isBefore(event.expiresAt())) {
            log.info("Password-reset e-mail {} not sent: its link expired before it could be", event.id());
            return;
        }
        UserAccount user;
        try {
            user = users.account(event.userId());
        }
        catch (ApiException ex) {
            if (ex.code() == UserErrorCode.USER_NOT_FOUND) {
                log.info("Password-reset e-mail {} not sent: the user no longer exists", event.id());
                return;
            }
            throw failed(event, ex);
        }
        catch (RuntimeException ex) {
            throw failed(event, ex);
        }
        Mail mail = PasswordResetMail.compose(event.id(), user.email(), user.name(), resets.link(event.id()),
                messageIdDomain);
        try {
            sender.send(mail);
        }
        catch (RuntimeException ex) {
            throw failed(event, ex);
        }
        metrics.sent();
        log.info("Sent the password-reset e-mail {} as {}", event.id(), mail.messageId());
    }

    private MailNotSent failed(PasswordResetRequested event, Throwable cause) {
        metrics.failed();
        String causes = OrderMailListener.kinds(cause);
        log.warn("Could not send the password-reset e-mail {} ({}); it stays in the outbox and will be retried",
                event.id(), causes);
        return new MailNotSent("The password-reset e-mail " + event.id() + " was not sent (" + causes + ")");
    }
}
