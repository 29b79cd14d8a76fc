-- API tokens for programs, and webhooks to the publisher's systems (a transactional outbox).

-- A token is shown once; only the SHA-256 of its secret is kept (the secret has 256 random bits, so
-- the digest is useless to whoever reads this table). last_used_at is updated at most once a minute.
create table api_token (
    id           bigint        not null auto_increment primary key,
    owner        varchar(64)   character set utf8mb4 collate utf8mb4_bin not null,
    name         varchar(100)  not null,
    secret_hash  binary(32)    not null,
    hint         varchar(12)   not null,
    created_at   datetime(6)   not null,
    expires_at   datetime(6)   null,
    last_used_at datetime(6)   null,
    revoked_at   datetime(6)   null,
    revoked_by   varchar(64)   character set utf8mb4 collate utf8mb4_bin null,
    constraint uk_api_token_secret unique (secret_hash),
    constraint fk_api_token_owner foreign key (owner) references app_user (username),
    index ix_api_token_owner (owner, created_at)
);

-- An endpoint an admin registered; events is a comma-separated list of event types.
create table webhook_endpoint (
    id          bigint        not null auto_increment primary key,
    url         varchar(2000) not null,
    events      varchar(200)  not null,
    secret      varchar(100)  not null,
    created_at  datetime(6)   not null,
    created_by  varchar(64)   character set utf8mb4 collate utf8mb4_bin not null,
    deleted_at  datetime(6)   null
);

-- The outbox: one row per event and subscribed endpoint, written in the transaction of the change.
-- message_id is the webhook-id (the same on every retry); payload is the exact body, signed as sent.
-- next_attempt_at doubles as the lease: a worker that claims a row pushes it past the send timeout,
-- so a node that dies mid-send leaves the row to be claimed again.
create table webhook_delivery (
    id              bigint        not null auto_increment primary key,
    endpoint_id     bigint        not null,
    message_id      varchar(40)   not null,
    event_type      varchar(40)   not null,
    payload         mediumtext    not null,
    state           varchar(10)   not null,
    attempts        int           not null default 0,
    created_at      datetime(6)   not null,
    next_attempt_at datetime(6)   not null,
    last_attempt_at datetime(6)   null,
    last_status     int           null,
    last_response   varchar(2000) null,
    delivered_at    datetime(6)   null,
    constraint fk_webhook_delivery_endpoint foreign key (endpoint_id) references webhook_endpoint (id),
    index ix_webhook_delivery_due (state, next_attempt_at),
    index ix_webhook_delivery_endpoint (endpoint_id, id)
);
