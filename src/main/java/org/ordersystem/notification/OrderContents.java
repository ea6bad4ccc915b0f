package org.ordersystem.notification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order as the e-mail shows it: currency, total and lines, read in one statement so
 * they agree with each other.
 * <p>
 * SWAP POINT: this reads the order module's tables ({@code pedidos}, {@code itens}) directly
 * and read-only, because the order module has no public read API that needs no caller
 * ({@code OrderService.get} wants a {@code CurrentUser}). Replace it with such an API when
 * the order module offers one; nothing else in this module knows these tables.
 */
class OrderContents {

    record Line(String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    record Contents(String currency, BigDecimal total, List<Line> lines) {
    }

    private final JdbcClient jdbc;

    OrderContents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the order no longer exists (a PENDING order may be deleted). */
    Optional<Contents> of(long orderId) {
        List<Row> rows = jdbc.sql("""
                select p.moeda, p.total, i.nome, i.quantidade, i.preco_unitario, i.subtotal
                from pedidos p left join itens i on i.pedido_id = p.id
                where p.id = ?
                order by i.id""")
                .param(orderId)
                .query((rs, row) -> new Row(rs.getString(1).strip(), rs.getBigDecimal(2), rs.getString(3) == null ? null
                        : new Line(rs.getString(3), rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = rows.stream().map(Row::line).filter(Objects::nonNull).toList();
        return Optional.of(new Contents(rows.get(0).currency(), rows.get(0).total(), lines));
    }

    /** One line of the join; {@code line} is null for an order without items. */
    private record Row(String currency, BigDecimal total, Line line) {
    }
}
