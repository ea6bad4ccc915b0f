package org.ordersystem.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ordersystem.notification.OrderContents.Contents;
import org.ordersystem.notification.OrderContents.Line;
import org.ordersystem.order.OrderStatus;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes the e-mail for an order event: subject, plain text and the same content as HTML,
 * with the order number, its status, its lines and total, and the reason of a cancellation.
 * Everything that came from a user (names, item names, the reason) is escaped in the HTML.
 */
class OrderMailComposer {

    private final String messageIdDomain;

    OrderMailComposer(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain;
    }

    Mail compose(OrderMailEvent event, String toAddress, String toName, Contents contents) {
        String subject = subject(event);
        String lead = lead(event);
        String reason = event.status() == OrderStatus.CANCELLED && event.reason() != null && !event.reason().isBlank()
                ? event.reason().strip() : null;
        return new Mail("the " + event.kind() + " e-mail of order " + event.orderId(), toAddress, toName, subject,
                text(toName, lead, event.status(), reason, contents),
                html(subject, toName, lead, event.status(), reason, contents), event.messageId(messageIdDomain));
    }

    static String subject(OrderMailEvent event) {
        long id = event.orderId();
        return switch (event.status()) {
            case PENDING -> "Order #" + id + " received";
            case CONFIRMED -> "Order #" + id + " confirmed";
            case SHIPPED -> "Order #" + id + " shipped";
            case DELIVERED -> "Order #" + id + " delivered";
            case CANCELLED -> "Order #" + id + " cancelled";
        };
    }

    private static String lead(OrderMailEvent event) {
        long id = event.orderId();
        return switch (event.status()) {
            case PENDING -> "Thank you for your order #" + id + ". We have received it.";
            case CONFIRMED -> "Your order #" + id + " has been confirmed.";
            case SHIPPED -> "Your order #" + id + " has been shipped and is on its way.";
            case DELIVERED -> "Your order #" + id + " has been delivered.";
            case CANCELLED -> "Your order #" + id + " has been cancelled.";
        };
    }

    private static String text(String name, String lead, OrderStatus status, String reason, Contents contents) {
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(name).append(",\n\n").append(lead).append("\n\n");
        text.append("Status: ").append(status).append('\n');
        if (reason != null) {
            text.append("Reason: ").append(reason).append('\n');
        }
        text.append('\n');
        if (contents.lines().isEmpty()) {
            text.append("The order has no items.\n");
        }
        else {
            text.append("Items:\n");
            for (Line line : contents.lines()) {
                text.append("  ").append(line.quantity()).append(" x ").append(line.name()).append(" at ")
                        .append(money(contents.currency(), line.unitPrice())).append(" = ")
                        .append(money(contents.currency(), line.lineTotal())).append('\n');
            }
        }
        text.append("Total: ").append(money(contents.currency(), contents.total())).append("\n\n");
        text.append("This message was sent automatically; please do not reply to it.\n");
        return text.toString();
    }

    private static String html(String subject, String name, String lead, OrderStatus status, String reason,
            Contents contents) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>").append(escape(subject))
                .append("</title></head>\n<body style=\"font-family: sans-serif\">\n");
        html.append("<p>Hello ").append(escape(name)).append(",</p>\n");
        html.append("<p>").append(escape(lead)).append("</p>\n");
        html.append("<p>Status: <strong>").append(status).append("</strong></p>\n");
        if (reason != null) {
            html.append("<p>Reason: ").append(escape(reason)).append("</p>\n");
        }
        if (contents.lines().isEmpty()) {
            html.append("<p>The order has no items.</p>\n");
        }
        else {
            html.append("<table cellpadding=\"4\">\n<tr><th align=\"left\">Item</th><th align=\"right\">Quantity</th>"
                    + "<th align=\"right\">Unit price</th><th align=\"right\">Amount</th></tr>\n");
            for (Line line : contents.lines()) {
                html.append("<tr><td>").append(escape(line.name())).append("</td><td align=\"right\">")
                        .append(line.quantity()).append("</td><td align=\"right\">")
                        .append(money(contents.currency(), line.unitPrice())).append("</td><td align=\"right\">")
                        .append(money(contents.currency(), line.lineTotal())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<p><strong>Total: ").append(money(contents.currency(), contents.total())).append("</strong></p>\n");
        html.append("<p style=\"color: #666\">This message was sent automatically; please do not reply to it.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
