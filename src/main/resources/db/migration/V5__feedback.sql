-- Reader feedback: reports (stored before they are acknowledged) and helpful votes.

create table feedback_report (
    id              bigint        not null auto_increment primary key,
    public_id       char(36)      not null,
    article_id      bigint        not null,
    revision_number int           not null,
    reason          varchar(16)   not null,
    comment         varchar(2000) null,
    passage         varchar(2000) null,
    email           varchar(254)  null,
    client_hash     char(64)      not null,
    -- set while a report may still be repeated (24 hours); cleared afterwards, so it stays unique
    dedupe_key      char(64)      null,
    state           varchar(16)   not null,
    cycle_id        varchar(64)   null,
    triaged_by      varchar(64)   null,
    triage_note     varchar(8000) null,
    triaged_at      datetime(6)   null,
    created_at      datetime(6)   not null,
    version         bigint        not null default 0,
    constraint uq_feedback_public_id unique (public_id),
    constraint uq_feedback_dedupe unique (dedupe_key),
    constraint fk_feedback_article foreign key (article_id) references article (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_feedback_article on feedback_report (article_id, created_at);
create index ix_feedback_cycle on feedback_report (cycle_id);

create table helpful_vote (
    article_id      bigint not null,
    revision_number int    not null,
    helpful         bigint not null default 0,
    not_helpful     bigint not null default 0,
    primary key (article_id, revision_number),
    constraint fk_vote_article foreign key (article_id) references article (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
