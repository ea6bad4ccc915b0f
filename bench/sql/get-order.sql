-- get-order without the cache (OrderService.get on a miss: OrderRepository.findWithItems):
-- one fetch-join select, outside any transaction, random over the bench users' orders.
-- Variables: -D orders=<bench users * orders per bench user>.
\set id random(1, :orders)
select distinct o1_0.id, o1_0.data_criacao, o1_0.moeda, i1_0.pedido_id, i1_0.id, i1_0.subtotal, i1_0.nome,
       i1_0.quantidade, i1_0.sku, i1_0.preco_unitario, o1_0.observacoes, o1_0.status, o1_0.total,
       o1_0.data_atualizacao, o1_0.usuario, o1_0.versao
from pedidos o1_0 left join itens i1_0 on o1_0.id = i1_0.pedido_id
where o1_0.id = :id
order by i1_0.id;
