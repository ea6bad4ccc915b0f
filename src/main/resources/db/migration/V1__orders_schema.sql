-- Schema of the order system. Table and column names keep the production guide's
-- (Portuguese) names; the code maps them to English fields.
-- Ids come from sequences that step by 50 so Hibernate can batch inserts.

create sequence usuarios_seq start with 1 increment by 50;
create sequence pedidos_seq start with 1 increment by 50;
create sequence itens_seq start with 1 increment by 50;
create sequence historico_pedidos_seq start with 1 increment by 50;

create table usuarios (
    id              bigint       primary key,
    email           varchar(254) not null,
    nome            varchar(200) not null,
    senha_hash      varchar(100) not null,
    is_admin        boolean      not null default false,
    ativo           boolean      not null default true,
    data_criacao    timestamptz  not null default now(),
    ultimo_login    timestamptz,
    versao          bigint       not null default 0,
    constraint ck_usuarios_email_normalizado check (email = lower(btrim(email)) and length(email) between 3 and 254),
    constraint ck_usuarios_nome check (length(btrim(nome)) between 1 and 200)
);
create unique index uk_usuarios_email on usuarios (email);
create index idx_usuarios_data_criacao on usuarios (data_criacao);

create table pedidos (
    id                bigint         primary key,
    usuario           bigint         not null references usuarios (id),
    status            varchar(20)    not null default 'PENDING',
    moeda             char(3)        not null,
    total             numeric(16, 2) not null default 0,
    observacoes       varchar(2000),
    data_criacao      timestamptz    not null default now(),
    data_atualizacao  timestamptz    not null default now(),
    versao            bigint         not null default 0,
    constraint ck_pedidos_status check (status in ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    constraint ck_pedidos_total check (total >= 0),
    constraint ck_pedidos_moeda check (moeda ~ '^[A-Z]{3}$')
);
create index idx_pedidos_usuario on pedidos (usuario);
create index idx_pedidos_status on pedidos (status);
create index idx_pedidos_data_criacao on pedidos (data_criacao);

create table itens (
    id              bigint         primary key,
    pedido_id       bigint         not null references pedidos (id) on delete cascade,
    nome            varchar(200)   not null,
    sku             varchar(64),
    quantidade      integer        not null,
    preco_unitario  numeric(12, 2) not null,
    subtotal        numeric(16, 2) not null,
    constraint ck_itens_quantidade check (quantidade between 1 and 10000),
    constraint ck_itens_preco check (preco_unitario between 0 and 1000000),
    constraint ck_itens_subtotal check (subtotal = quantidade * preco_unitario),
    constraint ck_itens_sku check (sku ~ '^[A-Za-z0-9._-]{1,64}$')
);
create index idx_itens_pedido on itens (pedido_id);

create table historico_pedidos (
    id               bigint       primary key,
    pedido_id        bigint       not null references pedidos (id) on delete cascade,
    status_anterior  varchar(20),
    status_novo      varchar(20)  not null,
    alterado_por     bigint       not null references usuarios (id),
    data_alteracao   timestamptz  not null default now(),
    motivo           varchar(500),
    constraint ck_historico_status check (status_novo in ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')
        and (status_anterior is null
             or status_anterior in ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')))
);
create index idx_historico_pedido on historico_pedidos (pedido_id, data_alteracao);

-- Idempotency-Key of order creation, scoped per user, stored in the order's transaction.
create table chaves_idempotencia (
    usuario           bigint       not null references usuarios (id) on delete cascade,
    chave             varchar(255) not null,
    hash_requisicao   char(64)     not null,
    pedido_id         bigint       references pedidos (id) on delete set null,
    status_resposta   integer,
    corpo_resposta    text,
    data_criacao      timestamptz  not null default now(),
    expira_em         timestamptz  not null,
    primary key (usuario, chave)
);
create index idx_chaves_idempotencia_expira on chaves_idempotencia (expira_em);

-- Refresh tokens: only a SHA-256 of the token is kept; a family is one login's chain of rotations.
create table tokens_atualizacao (
    id            uuid         primary key,
    usuario       bigint       not null references usuarios (id) on delete cascade,
    familia       uuid         not null,
    hash_token    char(64)     not null unique,
    data_criacao  timestamptz  not null default now(),
    expira_em     timestamptz  not null,
    usado_em      timestamptz,
    revogado_em   timestamptz
);
create index idx_tokens_atualizacao_usuario on tokens_atualizacao (usuario);
create index idx_tokens_atualizacao_familia on tokens_atualizacao (familia);
create index idx_tokens_atualizacao_expira on tokens_atualizacao (expira_em);

-- total = sum of the lines, checked by PostgreSQL at commit of every transaction that
-- touches an order or its items (deferred, so a transaction may pass through states in between).
create function verificar_total_pedido() returns trigger language plpgsql as $$
declare
    alvo bigint;
    total_pedido numeric;
    soma numeric;
begin
    if tg_table_name = 'pedidos' then
        alvo := new.id;
    elsif tg_op = 'DELETE' then
        alvo := old.pedido_id;
    else
        alvo := new.pedido_id;
    end if;
    select total into total_pedido from pedidos where id = alvo;
    if not found then
        return null;
    end if;
    select coalesce(sum(subtotal), 0) into soma from itens where pedido_id = alvo;
    if total_pedido <> soma then
        raise exception 'order % total % differs from the sum of its lines %', alvo, total_pedido, soma
            using errcode = '23514';
    end if;
    return null;
end
$$;

create constraint trigger trg_pedidos_total after insert or update on pedidos
    deferrable initially deferred for each row execute function verificar_total_pedido();
create constraint trigger trg_itens_total after insert or update or delete on itens
    deferrable initially deferred for each row execute function verificar_total_pedido();
