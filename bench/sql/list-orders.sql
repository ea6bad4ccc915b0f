-- list-orders as the service issues it (OrderService.list, page 0 of 20, newest first):
-- a read-only transaction with the page query (21 rows: a slice, whose 21st row says
-- whether more follow) and the batch fetch of the lines of its orders
-- (default_batch_fetch_size: one `= any(array)` query). The page's total comes from the
-- kept per-owner count (OrderCounts), counted again only after an order of the owner was
-- placed or deleted, which the scenario never does.
-- The lines are fetched for 21 of the user's orders, the shape of a real first page.
-- Variables: -D users=<bench users> -D per_user=<orders per bench user>.
\set uid random(1, :users)
\set first (:uid - 1) * :per_user + 1
BEGIN READ ONLY;
select o1_0.id, o1_0.data_criacao, o1_0.moeda, o1_0.nomes_itens, o1_0.skus_itens, o1_0.observacoes, o1_0.status,
       o1_0.total, o1_0.data_atualizacao, o1_0.usuario, o1_0.versao
from pedidos o1_0 where o1_0.usuario = :uid
order by o1_0.data_criacao desc, o1_0.id offset 0 rows fetch first 21 rows only;
select i1_0.pedido_id, i1_0.id, i1_0.subtotal, i1_0.nome, i1_0.quantidade, i1_0.sku, i1_0.preco_unitario
from itens i1_0
where i1_0.pedido_id = any (array[:first, :first + 1, :first + 2, :first + 3, :first + 4, :first + 5, :first + 6, :first + 7, :first + 8, :first + 9, :first + 10, :first + 11, :first + 12, :first + 13, :first + 14, :first + 15, :first + 16, :first + 17, :first + 18, :first + 19, :first + 20]::bigint[])
order by i1_0.id;
COMMIT;
