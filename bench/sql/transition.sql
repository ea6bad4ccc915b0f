-- transition as the service issues it (OrderService.changeStatus): lock the order row,
-- load its lines, insert the history row, update the order (status, timestamp, version),
-- commit (the deferred total trigger runs for the order). historico_pedidos_seq is read
-- once per 50 ids. Any volume order will do: the SQL is the same whatever its status.
-- Variables: -D n=0 (per-client counter) -D orders=<bench users * orders per bench user>.
\set n :n + 1
\set oid random(1, :orders)
\set history_id 3000000000 + :client_id * 10000000 + :n
BEGIN;
select o1_0.id, o1_0.data_criacao, o1_0.moeda, o1_0.observacoes, o1_0.status, o1_0.total, o1_0.data_atualizacao,
       o1_0.usuario, o1_0.versao
from pedidos o1_0 where o1_0.id = :oid for no key update of o1_0 \gset o_
select i1_0.pedido_id, i1_0.id, i1_0.subtotal, i1_0.nome, i1_0.quantidade, i1_0.sku, i1_0.preco_unitario
from itens i1_0 where i1_0.pedido_id = :oid order by i1_0.id;
\if :n % 50 = 1
select nextval('historico_pedidos_seq');
\endif
insert into historico_pedidos (data_alteracao, alterado_por, status_anterior, pedido_id, motivo, status_novo, id)
values (now(), :o_usuario, :o_status, :oid, null, 'CONFIRMED', :history_id);
update pedidos set observacoes = null, status = 'CONFIRMED', total = :o_total, data_atualizacao = now(),
       versao = :o_versao + 1
where id = :oid and versao = :o_versao;
COMMIT;
