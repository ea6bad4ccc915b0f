package org.ordersystem.notification;

import java.time.Clock;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import org.ordersystem.auth.PasswordResets;
import org.ordersystem.order.OrderService;
import org.ordersystem.user.UserService;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Order and password-reset e-mails, switched on by SMTP_HOST (system/config/EnvironmentSettings sets
 * {@code order.mail.enabled}). Without it none of these beans exists: no listener means
 * Modulith stores no publication, so nothing piles up in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "order.mail", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OrderMailProperties.class)
class OrderMailConfiguration {

    /** Short SMTP timeouts (ms) unless spring.mail.properties sets them: a hanging server fails the attempt. */
    static final String TIMEOUT_MILLIS = "5000";

    @Bean
    OrderMailMetrics orderMailMetrics(MeterRegistry registry) {
        return new OrderMailMetrics(registry);
    }

    /** The one sender of every e-mail, so that its bound on SMTP connections holds for all of them. */
    @Bean
    SmtpSender smtpSender(JavaMailSender mailSender, OrderMailProperties properties) {
        return new SmtpSender(mailSender, properties.sender(), properties.concurrency());
    }

    @Bean
    OrderMailListener orderMailListener(UserService users, OrderService orders, SmtpSender sender,
            OrderMailMetrics metrics, OrderMailProperties properties) {
        return new OrderMailListener(users, new OrderContents(orders),
                new OrderMailComposer(domainOf(properties.sender())), sender, metrics);
    }

    @Bean
    PasswordResetMailListener passwordResetMailListener(UserService users, PasswordResets resets, SmtpSender sender,
            OrderMailMetrics metrics, OrderMailProperties properties, Clock clock) {
        return new PasswordResetMailListener(users, resets, sender, metrics, domainOf(properties.sender()), clock);
    }

    @Bean
    OrderMailRetries orderMailRetries(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, OrderMailMetrics metrics, OrderMailProperties properties,
            Clock clock) {
        return new OrderMailRetries(incomplete, completed, new MailOutbox(jdbc, jdbcTemplate, OrderMailListener.IDS),
                metrics, properties, clock);
    }

    /**
     * Defaults for the JavaMail session Boot builds from spring.mail.*: short timeouts,
     * STARTTLS whenever the server offers it (SMTP_USER/SMTP_PASSWORD never cross the
     * network in clear text then), implicit TLS on port 465. Anything set explicitly in
     * {@code spring.mail.properties.*} wins.
     */
    @Bean
    static BeanPostProcessor orderMailSessionDefaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    Properties session = sender.getJavaMailProperties();
                    session.putIfAbsent("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
                    session.putIfAbsent("mail.smtp.timeout", TIMEOUT_MILLIS);
                    session.putIfAbsent("mail.smtp.writetimeout", TIMEOUT_MILLIS);
                    session.putIfAbsent("mail.smtp.starttls.enable", "true");
                    if (sender.getPort() == 465) {
                        session.putIfAbsent("mail.smtp.ssl.enable", "true");
                    }
                }
                return bean;
            }
        };
    }

    /** The right-hand side of the Message-IDs: the sender's domain, as mail servers expect. */
    static String domainOf(InternetAddress from) {
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1 ? address.substring(at + 1) : "order-backend";
    }
}
