package org.ordersystem.order;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.ordersystem.order.OrderExport.LineRow;
import org.ordersystem.order.OrderExport.OrderRow;
import org.ordersystem.user.CurrentUser;

import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes an export as RFC 4180 CSV to the response, row by row. The header row goes out with
 * the first row (or at the end when there is none), so a failure before any row leaves the
 * response untouched for the problem answer.
 */
public final class OrderCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final String ORDER_HEADER = "id,user_id,status,currency,item_count,total,created_at,updated_at,notes";
    private static final String LINE_HEADER = "order_id,user_id,status,currency,order_total,created_at,updated_at,"
            + "item_id,name,sku,quantity,unit_price,line_total";
    private static final String CRLF = "\r\n";

    private final HttpServletResponse response;
    private final String header;
    private Writer writer;

    private OrderCsv(HttpServletResponse response, String header) {
        this.response = response;
        this.header = header;
    }

    /** The export of the orders of {@code filter} the caller may see, one row per order or per item. */
    public static void write(OrderExport export, CurrentUser caller, OrderFilter filter, Sort sort, boolean lines,
            HttpServletResponse response) throws IOException {
        OrderCsv csv = new OrderCsv(response, lines ? LINE_HEADER : ORDER_HEADER);
        if (lines) {
            export.lines(caller, filter, sort, csv::line);
        }
        else {
            export.orders(caller, filter, sort, csv::order);
        }
        csv.finish();
    }

    private void order(OrderRow row) {
        row(String.valueOf(row.id()), String.valueOf(row.userId()), row.status().name(), row.currency(),
                String.valueOf(row.itemCount()), money(row.total()), time(row.createdAt()), time(row.updatedAt()),
                row.notes());
    }

    private void line(LineRow row) {
        row(String.valueOf(row.orderId()), String.valueOf(row.userId()), row.status().name(), row.currency(),
                money(row.orderTotal()), time(row.createdAt()), time(row.updatedAt()), String.valueOf(row.itemId()),
                row.name(), row.sku(), String.valueOf(row.quantity()), money(row.unitPrice()),
                money(row.lineTotal()));
    }

    private void finish() throws IOException {
        writer().flush();
    }

    private void row(String... cells) {
        try {
            Writer out = writer();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells[i]));
            }
            out.write(CRLF);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Writer writer() throws IOException {
        if (writer == null) {
            response.setContentType(MEDIA_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("orders-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "")
                            + ".csv").build().toString());
            writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                    16 * 1024);
            writer.write(header);
            writer.write(CRLF);
        }
        return writer;
    }

    /**
     * A cell that a spreadsheet would read as a formula ({@code = + - @}, tab, CR) gets a
     * leading {@code '}; a cell with a comma, quote, CR or LF is quoted, quotes doubled.
     */
    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
