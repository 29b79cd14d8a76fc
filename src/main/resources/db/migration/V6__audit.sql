-- The audit trail (issue 6): append-only, hash-chained events, and the login throttle.

create table audit_event (
    id              bigint       not null auto_increment primary key,
    -- position in the chain: 1, 2, 3 … without gaps
    seq             bigint       not null,
    occurred_at     datetime(6)  not null,
    actor           varchar(190) not null,
    type            varchar(64)  not null,
    article_id      bigint       null,
    revision_number int          null,
    -- canonical JSON (keys sorted), exactly the text that was hashed
    details         mediumtext   not null,
    prev_hash       char(64)     not null,
    hash            char(64)     not null,
    constraint uq_audit_seq unique (seq),
    -- no two events can ever chain to the same predecessor
    constraint uq_audit_prev unique (prev_hash)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_audit_article on audit_event (article_id, seq);
create index ix_audit_actor on audit_event (actor, seq);
create index ix_audit_time on audit_event (occurred_at);

-- The chain's head: one row, locked (select … for update) only while a transaction appends its
-- events and commits.
create table audit_chain_head (
    id        tinyint  not null primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
) engine = InnoDB;

insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

create trigger audit_event_no_update before update on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only: UPDATE refused';

create trigger audit_event_no_delete before delete on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only: DELETE refused';

-- Failed logins per user name, for throttling (shared by every node).
create table login_throttle (
    username      varchar(190) not null primary key,
    failures      int          not null,
    window_start  datetime(6)  not null,
    locked_until  datetime(6)  null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
