-- The API for the city's other systems (issue 22, SQLite): machine clients with
-- their scopes, their bearer tokens, the index a unit's system pages its cases by, and the
-- events (webhooks) subscribed to with their deliveries. See db/src/api.rs and db/src/webhooks.rs.

-- A machine client (OAuth 2.0 client credentials). The secret is stored as SHA-256 only.
create table api_clients (
    id text primary key,
    name text not null,
    secret_hash text not null,
    -- Space-separated scopes it may ever be given (stadsporten_domain::api::Scopes).
    scopes text not null,
    created_at integer not null,
    revoked_at integer
);

-- A bearer token, by its SHA-256; deleted a day after it expires.
create table api_tokens (
    token_hash text primary key,
    client_id text not null references api_clients (id),
    scopes text not null,
    issued_at integer not null,
    expires_at integer not null
);

create index api_tokens_client on api_tokens (client_id);
create index api_tokens_expiry on api_tokens (expires_at);

-- A unit's cases in the order they changed (the API's cursor: updated_at, id).
create index cases_changes on cases (unit_code, updated_at, id);

-- A client's subscription to events (webhooks), for the cases of one unit. The secret (whsec_…)
-- signs each delivery (Standard Webhooks); the platform must read it to sign.
create table webhook_subscriptions (
    id integer primary key autoincrement,
    client_id text not null references api_clients (id),
    url text not null,
    secret text not null,
    -- Space-separated event types (stadsporten_domain::api::webhook::EventType).
    events text not null,
    unit_code text,
    created_at integer not null,
    disabled_at integer
);

create index webhook_subscriptions_unit on webhook_subscriptions (unit_code);

-- One event for one subscription, written in the transaction of the change it tells about and
-- delivered by a worker (server/src/webhooks.rs): pending until the receiver answers 2xx, retried
-- with back-off, dead after the last try (and replayable). The payload is fixed when written, so
-- every retry sends the same bytes under the same event id.
create table webhook_deliveries (
    id integer primary key autoincrement,
    subscription_id integer not null references webhook_subscriptions (id),
    event_id text not null,
    event_type text not null,
    payload text not null,
    status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
    attempts integer not null default 0,
    next_attempt_at integer not null,
    locked_until integer,
    last_status integer,
    last_error text,
    created_at integer not null,
    delivered_at integer,
    unique (subscription_id, event_id)
);

create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, id);
