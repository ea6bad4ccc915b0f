-- Order search (GET /api/orders?q=): the words of an order's notes and item names, and
-- its SKUs' prefixes, in one text-search document per order, indexed with GIN.
-- The order row carries its items' names and SKUs (written by the application with the
-- total, in the same UPDATE), so the document is a function of the row alone: an
-- expression index on it needs no trigger and no second write per item change, and no
-- stored column that every read of an order would fetch.

alter table pedidos add column nomes_itens text not null default '';
alter table pedidos add column skus_itens text not null default '';

update pedidos p
set nomes_itens = i.nomes, skus_itens = i.skus
from (select pedido_id, string_agg(nome, ' ' order by id) as nomes,
             coalesce(string_agg(sku, ' ' order by id), '') as skus
      from itens group by pedido_id) i
where i.pedido_id = p.id;

-- Words with 'simple' (no language's stemming or stop words) at weight B; every prefix of
-- every SKU, lower case, as a lexeme at weight A. Prefixes are stored rather than matched
-- (no ':*' in the query) so that PostgreSQL's statistics estimate a SKU search as well as
-- a word search, and choose this index for a rare one. PL/pgSQL: never inlined, so the
-- index and the query name the same call; its cost (a few microseconds per order) is
-- declared so that the planner prefers the index to rechecking rows one by one.
-- SKUs hold only [A-Za-z0-9._-] (ck_itens_sku), so a quoted lexeme needs no escaping.
create function documento_busca_pedido(observacoes text, nomes_itens text, skus_itens text)
    returns tsvector language plpgsql immutable parallel safe cost 1000 as $$
declare
    sku text;
    prefixos text := '';
begin
    foreach sku in array string_to_array(lower(coalesce(skus_itens, '')), ' ') loop
        continue when sku = '';
        for n in 1 .. length(sku) loop
            prefixos := prefixos || ' ''' || left(sku, n) || ''':1A';
        end loop;
    end loop;
    return setweight(to_tsvector('simple', coalesce(observacoes, '') || ' ' || coalesce(nomes_itens, '')), 'B')
        || prefixos::tsvector;
end
$$;

-- Every whitespace-separated term must match: as a word of the notes or item names, or,
-- when it is spelled like a SKU, as the start of one. The terms never pass through the
-- text-search syntax (plainto_tsquery, or a quoted lexeme of SKU characters only). Null
-- when no term has a lexeme, which matches nothing.
create function consulta_busca_pedidos(q text) returns tsquery language plpgsql immutable strict parallel safe as $$
declare
    termo text;
    parte tsquery;
    consulta tsquery;
begin
    foreach termo in array regexp_split_to_array(btrim(q), '\s+') loop
        continue when termo = '';
        parte := plainto_tsquery('simple', termo);
        if termo ~ '^[A-Za-z0-9._-]{1,64}$' then
            parte := case when numnode(parte) = 0 then format('%L:A', lower(termo))::tsquery
                          else parte || format('%L:A', lower(termo))::tsquery end;
        end if;
        continue when numnode(parte) = 0;
        consulta := case when consulta is null then parte else consulta && parte end;
    end loop;
    return consulta;
end
$$;

-- What the application calls; plain SQL, so PostgreSQL inlines it into the query and the
-- index on the document applies.
create function pedido_corresponde(observacoes text, nomes_itens text, skus_itens text, q text)
    returns boolean language sql immutable parallel safe as $$
    select documento_busca_pedido(observacoes, nomes_itens, skus_itens) @@ consulta_busca_pedidos(q)
$$;

create index idx_pedidos_busca on pedidos using gin (documento_busca_pedido(observacoes, nomes_itens, skus_itens));
