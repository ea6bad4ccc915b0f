package org.ordersystem.system.data;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway schema against real PostgreSQL: the guide's indexes exist and the planner uses them. */
@DatabaseTest
class SchemaTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void guidesIndexesExistByTheirExactNames() {
        List<String> indexes = jdbc.queryForList(
                "select indexname from pg_indexes where schemaname = 'public'", String.class);

        assertThat(indexes).contains("idx_pedidos_usuario", "idx_pedidos_status", "idx_pedidos_data_criacao",
                "idx_itens_pedido");
    }

    /**
     * The rows are rolled back with the test's transaction. Loading them is bulk work like a
     * migration, so this transaction's connection waits as long as it takes instead of the
     * 4 s a request gets (the pool restores the timeout when the connection returns).
     */
    @Test
    void plannerUsesTheGuidesIndexesOnOneHundredThousandOrders() throws SQLException {
        DataSourceUtils.getConnection(dataSource).setNetworkTimeout(Runnable::run, 0);
        jdbc.execute("""
                insert into usuarios (id, email, nome, senha_hash)
                select 900000000 + g, 'plan-' || g || '@schema.test', 'Plan ' || g, 'x'
                from generate_series(1, 1000) g""");
        jdbc.execute("""
                insert into pedidos (id, usuario, status, moeda, total, data_criacao, data_atualizacao)
                select 900000000 + g, 900000000 + (g % 1000) + 1,
                       case when g % 100 = 0 then 'SHIPPED' else 'PENDING' end, 'USD', 10,
                       timestamptz '2020-01-01' + g * interval '1 minute', now()
                from generate_series(1, 100000) g""");
        jdbc.execute("""
                insert into itens (id, pedido_id, nome, quantidade, preco_unitario, subtotal)
                select 900000000 + g, 900000000 + g, 'item', 1, 10, 10 from generate_series(1, 100000) g""");
        jdbc.execute("analyze usuarios, pedidos, itens");

        assertThat(plan("select * from pedidos where usuario = 900000001")).contains("idx_pedidos_usuario");
        assertThat(plan("select * from pedidos where status = 'SHIPPED'")).contains("idx_pedidos_status");
        assertThat(plan("select * from pedidos where data_criacao between timestamptz '2020-01-02' "
                + "and timestamptz '2020-01-03'")).contains("idx_pedidos_data_criacao");
        assertThat(plan("select * from itens where pedido_id = 900000042")).contains("idx_itens_pedido");
    }

    @Test
    void moneyIsNumericAndStatusIsChecked() {
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns "
                + "where table_name = 'pedidos' and column_name = 'total'", String.class)).isEqualTo("numeric");
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns "
                + "where table_name = 'itens' and column_name = 'preco_unitario'", String.class)).isEqualTo("numeric");
        assertThat(jdbc.queryForList("select conname from pg_constraint where conrelid = 'pedidos'::regclass",
                String.class)).contains("ck_pedidos_status", "ck_pedidos_total");
        assertThat(jdbc.queryForList("select conname from pg_constraint where conrelid = 'itens'::regclass",
                String.class)).contains("ck_itens_quantidade", "ck_itens_subtotal");
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
    }
}
