-- Benchmark data, loaded by bench/run.sh into a fresh database that the app has migrated.
-- psql variables (all required, set by run.sh):
--   users         all users (bench users included)                      e.g. 10000
--   bench_users   reader users of the wrk scripts (ids 1..bench_users)   e.g. 32; each has a
--                 writer twin (id bench_users + u) that owns the orders the write scenarios
--                 change and create, so the readers' order lists stay the same size
--   per_user      volume orders of each bench user                       e.g. 3000
--   orders        volume orders in total (the rest go to other users)   e.g. 100000
--   fresh         PENDING one-item orders per writer for transitions     e.g. 2800
--   additem       PENDING one-item orders per writer for add-item        e.g. 200
--   pwhash        one bcrypt hash, used for every user
--
-- Id layout (the Lua scripts compute ids from it, see bench/lua/common.lua):
--   volume orders of bench user u:     (u-1)*per_user + 1 .. u*per_user
--   other volume orders:               bench_users*per_user + 1 .. orders (users > 2*bench_users)
--   transition orders of writer of u:  10000000 + (u-1)*fresh + k,  k = 1..fresh
--   add-item orders of writer of u:    20000000 + (u-1)*additem + k, k = 1..additem
--   item j of order o: o*8 + j; history row of order o: o
-- User 2*bench_users + 1 is an administrator (the export scenario exports everyone's orders).
--
-- Every row satisfies the schema's checks, and each order's total is the sum of its lines
-- by construction. The deferred total trigger (one plpgsql call per inserted row) and the
-- foreign-key triggers are skipped for the load (session_replication_role = replica), and
-- both properties are verified with one query each at the end instead.

\set ON_ERROR_STOP on
\if :{?pwhash}
\else
  \echo 'seed.sql: variable pwhash is required'
  \quit
\endif

set session_replication_role = replica;
begin;

insert into usuarios (id, email, nome, senha_hash, is_admin, ativo, data_criacao, versao)
select u,
       case when u <= 2 * :bench_users then format('bench-%s@bench.test', lpad(u::text, 3, '0'))
            else format('user-%s@bench.test', lpad(u::text, 5, '0')) end,
       case when u <= :bench_users then format('Bench User %s', u)
            when u <= 2 * :bench_users then format('Bench Writer %s', u - :bench_users)
            else format('User %s', u) end,
       :'pwhash', u = 2 * :bench_users + 1, true, now() - make_interval(mins => (u * 37) % 525600), 0
from generate_series(1, :users) as u;

-- Volume orders: statuses spread like a live system, 1-5 lines each (3 on average),
-- created over the last year.
create temporary table volume_orders on commit drop as
select o as id,
       case when o <= :bench_users * :per_user then (o - 1) / :per_user + 1
            else 2 * :bench_users + 1 + (o - :bench_users * :per_user - 1) % (:users - 2 * :bench_users) end as owner,
       (array['PENDING','PENDING','PENDING','PENDING','PENDING',
              'CONFIRMED','CONFIRMED','SHIPPED','DELIVERED','CANCELLED'])[o % 10 + 1] as status,
       now() - make_interval(secs => ((o::bigint * 7919) % 31536000)::double precision) as created,
       o % 5 + 1 as lines
from generate_series(1, :orders) as o;

-- Transition and add-item orders of the writers: PENDING, one line each.
insert into volume_orders (id, owner, status, created, lines)
select 10000000 + (u - 1) * :fresh + k, :bench_users + u, 'PENDING', now() - interval '2 years' - make_interval(secs => k), 1
from generate_series(1, :bench_users) as u, generate_series(1, :fresh) as k
union all
select 20000000 + (u - 1) * :additem + k, :bench_users + u, 'PENDING', now() - interval '2 years' - make_interval(secs => k), 1
from generate_series(1, :bench_users) as u, generate_series(1, :additem) as k;

create temporary table volume_items on commit drop as
select o.id * 8 + j as id, o.id as order_id,
       format('Product %s', (o.id + j) % 5000) as name,
       format('SKU-%s', (o.id + j) % 5000) as sku,
       1 + (o.id + j) % 4 as quantity,
       (((o.id * 7 + j * 13) % 9900) + 100) / 100.0 as unit_price
from volume_orders as o, generate_series(0, o.lines - 1) as j;

-- The order row's copy of its items' names and SKUs (the search index's input, migration V4).
insert into pedidos (id, usuario, status, moeda, total, observacoes, nomes_itens, skus_itens, data_criacao,
                     data_atualizacao, versao)
select o.id, o.owner, o.status, 'USD', t.total, null, t.names, t.skus, o.created, o.created,
       case o.status when 'PENDING' then 0 when 'CONFIRMED' then 1 when 'CANCELLED' then 1
                     when 'SHIPPED' then 2 else 3 end
from volume_orders as o
join (select order_id, sum(quantity * unit_price) as total, string_agg(name, ' ' order by id) as names,
             string_agg(sku, ' ' order by id) as skus
      from volume_items group by order_id) as t
  on t.order_id = o.id;

insert into itens (id, pedido_id, nome, sku, quantidade, preco_unitario, subtotal)
select id, order_id, name, sku, quantity, unit_price, quantity * unit_price
from volume_items;

insert into historico_pedidos (id, pedido_id, status_anterior, status_novo, alterado_por, data_alteracao, motivo)
select o.id, o.id, null, 'PENDING', o.owner, o.created, null
from volume_orders as o;

commit;
reset session_replication_role;

-- Past every explicit id (Hibernate's pooled optimizer hands out blocks of 50 below the
-- value it reads).
select setval('usuarios_seq', (select max(id) from usuarios) + 1000);
select setval('pedidos_seq', (select max(id) from pedidos) + 1000);
select setval('itens_seq', (select max(id) from itens) + 1000);
select setval('historico_pedidos_seq', (select max(id) from historico_pedidos) + 1000);

-- What the skipped triggers would have enforced.
do $$
begin
    if exists (select 1 from pedidos p
               left join (select pedido_id, sum(subtotal) as soma from itens group by pedido_id) i
                 on i.pedido_id = p.id
               where p.total <> coalesce(i.soma, 0)) then
        raise exception 'seed: an order total differs from the sum of its lines';
    end if;
    if exists (select 1 from pedidos p left join usuarios u on u.id = p.usuario where u.id is null)
       or exists (select 1 from itens i left join pedidos p on p.id = i.pedido_id where p.id is null) then
        raise exception 'seed: a foreign key does not hold';
    end if;
end
$$;

-- The machine's PostgreSQL may run with autovacuum off: give the planner real statistics.
vacuum (analyze) usuarios, pedidos, itens, historico_pedidos;
