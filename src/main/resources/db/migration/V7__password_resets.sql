-- Password resets: one row per e-mailed link. The link's token is never stored: it is an
-- HMAC of the row's id under a key derived from SECRET_KEY, so neither this table nor the
-- outbox (which holds the id) is enough to use a link. hash_token (SHA-256 of the token)
-- finds the row when the link comes back; usado_em makes it single-use.
create table redefinicoes_senha (
    id            uuid         primary key,
    usuario       bigint       not null references usuarios (id) on delete cascade,
    hash_token    char(64)     not null unique,
    data_criacao  timestamptz  not null default now(),
    expira_em     timestamptz  not null,
    usado_em      timestamptz
);
create index idx_redefinicoes_senha_usuario on redefinicoes_senha (usuario, data_criacao);
create index idx_redefinicoes_senha_expira on redefinicoes_senha (expira_em);
