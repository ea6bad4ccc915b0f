-- Fixture for the restore drill check (.ci/check-deploy.sh): a throw-away
-- database shaped like the order system's (the real schema is Flyway's job),
-- with numeric money, text with awkward characters, NULLs, a composite key,
-- a table without a primary key, and sequences that have moved on.
\set ON_ERROR_STOP on

CREATE TABLE usuarios (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    nome        text,
    ativo       boolean NOT NULL DEFAULT true,
    criado_em   timestamptz NOT NULL
);

CREATE TABLE pedidos (
    id            bigserial PRIMARY KEY,
    usuario       bigint NOT NULL REFERENCES usuarios (id),
    status        text NOT NULL CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    total         numeric(14, 2) NOT NULL,
    observacao    text,
    data_criacao  timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 0
);
CREATE INDEX idx_pedidos_usuario ON pedidos (usuario);
CREATE INDEX idx_pedidos_status ON pedidos (status);

CREATE TABLE itens (
    pedido_id       bigint NOT NULL REFERENCES pedidos (id),
    linha           integer NOT NULL,
    produto         text NOT NULL,
    quantidade      integer NOT NULL CHECK (quantidade > 0),
    preco_unitario  numeric(12, 4) NOT NULL,
    desconto        numeric(5, 2),
    PRIMARY KEY (pedido_id, linha)
);
CREATE INDEX idx_itens_pedido ON itens (pedido_id);

-- No primary key on purpose: the drill must order such rows by their content.
CREATE TABLE pedido_historico (
    pedido_id   bigint NOT NULL,
    de_status   text,
    para_status text NOT NULL,
    dados       jsonb,
    anexo       bytea,
    em          timestamptz NOT NULL
);

INSERT INTO usuarios (email, nome, ativo, criado_em)
SELECT format('user%s@example.test', g),
       CASE WHEN g % 7 = 0 THEN NULL
            WHEN g % 11 = 0 THEN E'Jo\u00e3o "Tab\there" O''Brien\\back\nslash'
            ELSE 'User ' || g END,
       g % 5 <> 0,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '37 minutes'
FROM generate_series(1, 1500) AS g;

INSERT INTO pedidos (usuario, status, total, observacao, data_criacao, version)
SELECT 1 + (g * 7919) % 1500,
       (ARRAY['pending', 'confirmed', 'shipped', 'delivered', 'cancelled'])[1 + g % 5],
       round((g * 13.37)::numeric % 9999.99, 2),
       CASE WHEN g % 3 = 0 THEN NULL ELSE 'nota ' || md5(g::text) END,
       timestamptz '2025-02-01 12:00:00+00' + g * interval '11 minutes 13.5 seconds',
       g % 4
FROM generate_series(1, 4000) AS g;

INSERT INTO itens (pedido_id, linha, produto, quantidade, preco_unitario, desconto)
SELECT p, l,
       'SKU-' || lpad(((p * 31 + l) % 997)::text, 4, '0'),
       1 + (p + l) % 9,
       ((p * 17 + l * 3) % 100000) / 100.0 + 0.0001 * l,
       CASE WHEN (p + l) % 4 = 0 THEN NULL ELSE ((p + l) % 30)::numeric / 2 END
FROM generate_series(1, 4000) AS p, generate_series(1, 3) AS l
WHERE (p + l) % 5 <> 0;

INSERT INTO pedido_historico (pedido_id, de_status, para_status, dados, anexo, em)
SELECT 1 + g % 4000,
       CASE WHEN g % 2 = 0 THEN NULL ELSE 'pending' END,
       'confirmed',
       CASE WHEN g % 3 = 0 THEN NULL ELSE jsonb_build_object('by', g, 'why', 'drill', 'amount', g * 0.1) END,
       CASE WHEN g % 10 = 0 THEN decode(md5(g::text), 'hex') END,
       timestamptz '2025-03-01 00:00:00+00' + (g % 500) * interval '1 hour'
FROM generate_series(1, 3000) AS g;

-- Identical rows too: ordering by content must still be deterministic.
INSERT INTO pedido_historico (pedido_id, de_status, para_status, em)
SELECT 42, 'pending', 'cancelled', timestamptz '2025-04-01 00:00:00+00'
FROM generate_series(1, 5);

SELECT setval('pedidos_id_seq', 5000);
ANALYZE;
