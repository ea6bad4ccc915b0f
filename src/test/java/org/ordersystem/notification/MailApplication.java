package org.ordersystem.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.ordersystem.OrderBackendApplication;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.TestServices;
import org.ordersystem.support.TestServicesExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application instance of its own with SMTP configured (the shared test context has
 * none), on the shared test PostgreSQL and Redis, driven over HTTP like a client.
 */
final class MailApplication implements AutoCloseable {

    /** Fast retries, so that a test sees several attempts within seconds. */
    static final List<String> FAST_RETRIES = List.of("--order.mail.retry-interval=300ms",
            "--order.mail.initial-backoff=300ms", "--order.mail.max-backoff=2s");

    /** Only the start-up run retries: nothing else would within a test. */
    static final List<String> NO_PERIODIC_RETRIES = List.of("--order.mail.retry-interval=1h",
            "--order.mail.initial-backoff=1h");

    private final ConfigurableApplicationContext context;
    private final Api api;
    private final Accounts accounts;

    private MailApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        this.accounts = new Accounts(api);
    }

    static MailApplication start(TestSmtp smtp, List<String> settings) {
        TestServices services = TestServices.get();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--DATABASE_URL=" + services.databaseUrl(),
                "--REDIS_URL=" + services.redisUrl(), "--SECRET_KEY=" + TestServicesExtension.TEST_SECRET_KEY,
                "--ENVIRONMENT=test", "--RATELIMIT_DEFAULT=100000/hour", "--ADMIN_EMAIL=" + Accounts.ADMIN_EMAIL,
                "--ADMIN_PASSWORD=" + Accounts.ADMIN_PASSWORD, "--SMTP_HOST=127.0.0.1", "--SMTP_PORT=" + smtp.port(),
                "--SMTP_FROM=orders@test.local", "--DATABASE_POOL_SIZE=5", "--DATABASE_MAX_OVERFLOW=15"));
        args.addAll(settings);
        return new MailApplication(
                new SpringApplicationBuilder(OrderBackendApplication.class).run(args.toArray(String[]::new)));
    }

    Api api() {
        return api;
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    Account newUser() {
        return accounts.newUser();
    }

    Account admin() {
        return accounts.admin();
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    void publish(Object event) {
        context.publishEvent(event);
    }

    /** Places an order with these lines ({@code name, quantity, unit_price}) and returns its id. */
    long placeOrder(Account owner, List<Map<String, Object>> items) {
        Api.Response placed = api.post("/api/orders").token(owner.token()).json(Map.of("items", items)).send();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().get("id").asLong();
    }

    Api.Response changeStatus(Account caller, long orderId, String status, String reason) {
        Map<String, Object> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return api.patch("/api/orders/" + orderId + "/status").token(caller.token()).json(body).send();
    }

    /** The e-mail publications of one order: {@code listener, status, attempts, completed}. */
    List<Map<String, Object>> publicationsOf(long orderId) {
        return jdbc().queryForList("""
                select listener_id, status, completion_attempts, completion_date is not null as completed
                from event_publication
                where listener_id like 'notification.%' and (serialized_event::jsonb ->> 'order_id')::bigint = ?
                order by publication_date""", orderId);
    }

    JsonNode health() {
        return api.get("/health").send().json();
    }

    /** One sample of the Prometheus exposition, e.g. {@code orders_emails_sent_total}. */
    double metric(String name) {
        String exposition = api.get("/metrics").send().text();
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        context.close();
    }

    /** The text/plain or text/html part of an e-mail. */
    static String part(MimeMessage message, String mimeType) {
        try {
            String found = find(message, mimeType);
            assertThat(found).as("a %s part", mimeType).isNotNull();
            return found;
        }
        catch (MessagingException | java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, java.io.IOException {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = find(body, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
