/**
 * E-mails to customers about their orders, and password-reset links. The order module's events are stored in Spring
 * Modulith's JDBC event publication registry (the transactional outbox) in the order's
 * transaction and sent over SMTP after it commits, retried until the server accepts them.
 * Everything here exists only when SMTP is configured ({@code order.mail.enabled}).
 */
@ApplicationModule(allowedDependencies = { "order", "user", "auth", "system :: problem" })
package org.ordersystem.notification;

import org.springframework.modulith.ApplicationModule;
