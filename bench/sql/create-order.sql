-- create-order as the service issues it (OrderPlacement.place with an Idempotency-Key):
-- one transaction with the idempotency advisory lock and lookup, the order, its three
-- lines (one JDBC batch: a pipeline here), the creation history row and the stored
-- response. Hibernate's pooled optimizer reads each sequence once per 50 ids; the \if
-- blocks issue those nextval calls at the same rate. The deferred total trigger runs at
-- COMMIT for the order and each line, as in the service.
-- Variables: -D n=0 (per-client counter), -D nonce=<run id>, -D users=<bench users>,
-- -D body=<the JSON response the service stores, ~650 bytes>.
\set n :n + 1
\set uid random(1, :users)
\set oid 100000000 + :client_id * 1000000 + :n
\set lock random(1, 9000000000000000000)
BEGIN;
select pg_try_advisory_xact_lock(:lock);
select hash_requisicao, status_resposta, corpo_resposta, pedido_id, expira_em
from chaves_idempotencia where usuario = :uid and chave = 'pgbench-' || :nonce || '-' || :client_id || '-' || :n;
\if :n % 50 = 1
select nextval('pedidos_seq');
select nextval('historico_pedidos_seq');
\endif
\if :n % 17 = 1
select nextval('itens_seq');
\endif
insert into pedidos (data_criacao, moeda, observacoes, status, total, data_atualizacao, usuario, versao, id)
values (now(), 'USD', null, 'PENDING', 205.73, now(), :uid, 0, :oid);
\startpipeline
insert into itens (subtotal, nome, pedido_id, quantidade, sku, preco_unitario, id)
values (39.98, 'Bench widget', :oid, 2, 'BW-1', 19.99, :oid * 8);
insert into itens (subtotal, nome, pedido_id, quantidade, sku, preco_unitario, id)
values (149.50, 'Bench gadget', :oid, 1, 'BG-2', 149.50, :oid * 8 + 1);
insert into itens (subtotal, nome, pedido_id, quantidade, sku, preco_unitario, id)
values (16.25, 'Bench cable', :oid, 5, 'BC-3', 3.25, :oid * 8 + 2);
\endpipeline
insert into historico_pedidos (data_alteracao, alterado_por, status_anterior, pedido_id, motivo, status_novo, id)
values (now(), :uid, null, :oid, null, 'PENDING', :oid);
insert into chaves_idempotencia
    (usuario, chave, hash_requisicao, pedido_id, status_resposta, corpo_resposta, data_criacao, expira_em)
values (:uid, 'pgbench-' || :nonce || '-' || :client_id || '-' || :n,
        '05a4408b4700ce41d3a25e34578d049fe1dbe02c635545c16d23417078c6097f', :oid, 201,
        :body,
        now(), now() + interval '24 hours');
COMMIT;
