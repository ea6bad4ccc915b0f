package org.ordersystem.notification;

import org.ordersystem.user.UserErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ordersystem.notification.OrderContents.Contents;
import org.ordersystem.order.OrderPlaced;
import org.ordersystem.order.OrderStatusChanged;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailSendException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns order events into e-mails to the order's owner. Each listener is asynchronous and
 * runs after the order's transaction committed; Spring Modulith stored its publication in
 * that transaction and completes it only when this method returns, so an exception leaves
 * the e-mail in the outbox for {@link OrderMailRetries}.
 * <p>
 * No transaction around the SMTP conversation ({@code NOT_SUPPORTED}): a slow server must not
 * hold database connections the API needs; the reads take a connection only while they run.
 */
class OrderMailListener {

    static final String PLACED_ID = "notification.order-placed-mail";
    static final String STATUS_CHANGED_ID = "notification.order-status-mail";
    /** Every e-mail listener's, the password reset's too: the outbox, its retries and its backlog cover them all. */
    static final List<String> IDS = List.of(PLACED_ID, STATUS_CHANGED_ID, PasswordResetMailListener.ID);

    private static final Logger log = LoggerFactory.getLogger(OrderMailListener.class);

    private final UserService users;
    private final OrderContents orders;
    private final OrderMailComposer composer;
    private final SmtpSender sender;
    private final OrderMailMetrics metrics;

    OrderMailListener(UserService users, OrderContents orders, OrderMailComposer composer, SmtpSender sender,
            OrderMailMetrics metrics) {
        this.users = users;
        this.orders = orders;
        this.composer = composer;
        this.sender = sender;
        this.metrics = metrics;
    }

    @ApplicationModuleListener(id = PLACED_ID, propagation = Propagation.NOT_SUPPORTED)
    public void on(OrderPlaced event) {
        deliver(OrderMailEvent.of(event));
    }

    @ApplicationModuleListener(id = STATUS_CHANGED_ID, propagation = Propagation.NOT_SUPPORTED)
    public void on(OrderStatusChanged event) {
        deliver(OrderMailEvent.of(event));
    }

    private void deliver(OrderMailEvent event) {
        Optional<Mail> mail;
        try {
            mail = compose(event);
        }
        catch (RuntimeException ex) {
            throw failed(event, ex);
        }
        if (mail.isEmpty()) {
            log.info("No e-mail for order {} ({}): the order or its owner no longer exists", event.orderId(),
                    event.kind());
            return;
        }
        try {
            sender.send(mail.get());
        }
        catch (RuntimeException ex) {
            throw failed(event, ex);
        }
        metrics.sent();
        log.info("Sent the {} e-mail of order {} as {}", event.kind(), event.orderId(), mail.get().messageId());
    }

    private Optional<Mail> compose(OrderMailEvent event) {
        Optional<Contents> contents = orders.of(event.orderId());
        Optional<UserAccount> owner = contents.isEmpty() ? Optional.empty() : owner(event.userId());
        return owner.map(user -> composer.compose(event, user.email(), user.name(), contents.get()));
    }

    private Optional<UserAccount> owner(long userId) {
        try {
            return Optional.of(users.account(userId));
        }
        catch (ApiException ex) {
            if (ex.code() == UserErrorCode.USER_NOT_FOUND) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    /** Counts and logs the failed attempt (order id and exception kinds only) and fails the publication. */
    private MailNotSent failed(OrderMailEvent event, Throwable cause) {
        metrics.failed();
        String causes = kinds(cause);
        log.warn("Could not send the {} e-mail of order {} ({}); it stays in the outbox and will be retried",
                event.kind(), event.orderId(), causes);
        return new MailNotSent("The " + event.kind() + " e-mail of order " + event.orderId() + " was not sent ("
                + causes + ")");
    }

    /** {@code MailSendException < MailConnectException < ConnectException}: what failed, without messages. */
    static String kinds(Throwable failure) {
        List<String> kinds = new ArrayList<>();
        Throwable cause = failure;
        while (cause != null && kinds.size() < 5) {
            kinds.add(cause.getClass().getSimpleName());
            Throwable next = cause.getCause();
            if (next == null && cause instanceof MailSendException send && send.getMessageExceptions().length > 0) {
                next = send.getMessageExceptions()[0];
            }
            cause = next == cause ? null : next;
        }
        return String.join(" < ", kinds);
    }
}
