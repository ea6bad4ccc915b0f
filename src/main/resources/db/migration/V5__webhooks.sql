-- Outgoing webhooks (Standard Webhooks). These tables are the webhooks' transactional outbox:
-- an event and one pending delivery per subscribed endpoint are inserted in the transaction
-- that changes the order, so they exist if and only if that change commits. Workers on any
-- replica claim due deliveries with FOR UPDATE SKIP LOCKED and a lease (lease_until): a
-- replica that dies mid-delivery loses its lease and another one takes the delivery over.

create table webhook_endpoints (
    id                        bigserial    primary key,
    url                       text         not null check (length(url) <= 2048),
    description               text         check (length(description) <= 500),
    events                    text[]       not null,
    active                    boolean      not null default true,
    -- the signing secret ("whsec_" + base64); the previous one keeps signing until it expires
    secret                    text         not null,
    previous_secret           text,
    previous_secret_expires_at timestamptz,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null
);

create table webhook_events (
    -- the webhook-id header: the same on every attempt and for every endpoint
    id          uuid         primary key,
    type        text         not null,
    -- the request body exactly as sent ({"type","timestamp","data"}), so every retry is byte-identical
    payload     text         not null,
    created_at  timestamptz  not null
);

-- One row per attempt. A pending row is the next attempt, due at next_attempt_at; when it has
-- been made the row becomes succeeded or failed and, unless retries are exhausted, a new pending
-- row with attempt + 1 is inserted in the same transaction.
create table webhook_deliveries (
    id               bigserial    primary key,
    endpoint_id      bigint       not null references webhook_endpoints (id) on delete cascade,
    event_id         uuid         not null references webhook_events (id) on delete cascade,
    attempt          integer      not null check (attempt >= 1),
    status           text         not null check (status in ('pending', 'succeeded', 'failed')),
    -- a manual redelivery is one attempt: its failure schedules no retry
    manual           boolean      not null default false,
    response_status  integer,
    duration_ms      integer,
    error            text,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz,
    -- set while a worker holds the attempt; an expired lease means that worker is gone
    lease_until      timestamptz,
    lease_token      uuid
);

-- The workers' claim: due pending attempts, oldest first.
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
-- An endpoint's deliveries, newest first (the deliveries page).
create index webhook_deliveries_by_endpoint_idx on webhook_deliveries (endpoint_id, id desc);
create index webhook_deliveries_by_event_idx on webhook_deliveries (event_id);
create index webhook_events_by_created_at_idx on webhook_events (created_at);
