-- Imprimatur's own tables. Camunda owns ACT_*; Flyway owns everything here.

create table app_user (
    username      varchar(64)  not null primary key,
    password_hash varchar(100) not null,
    display_name  varchar(200) not null,
    credentials   varchar(200) null,
    specialty     varchar(200) null,
    enabled       boolean      not null default true,
    created_at    datetime(6)  not null,
    version       bigint       not null default 0
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table app_user_role (
    username varchar(64) not null,
    role     varchar(32) not null,
    primary key (username, role),
    constraint fk_role_user foreign key (username) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table article (
    id                 bigint       not null auto_increment primary key,
    slug               varchar(200) not null,
    created_by         varchar(64)  not null,
    created_at         datetime(6)  not null,
    status             varchar(32)  not null,
    current_revision   int          not null,
    published_revision int          null,
    first_published_at datetime(6)  null,
    published_at       datetime(6)  null,
    last_reviewed_at   datetime(6)  null,
    reviewed_by        varchar(64)  null,
    version            bigint       not null default 0,
    constraint uq_article_slug unique (slug),
    constraint fk_article_creator foreign key (created_by) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_article_status on article (status);

-- Revisions are immutable: inserted once, never updated, never deleted.
create table revision (
    id             bigint        not null auto_increment primary key,
    article_id     bigint        not null,
    number         int           not null,
    title          varchar(300)  not null,
    summary        varchar(2000) not null,
    body           mediumtext    not null,
    disclosure     varchar(4000) null,
    change_note    varchar(2000) null,
    created_by     varchar(64)   not null,
    created_at     datetime(6)   not null,
    content_sha256 char(64)      not null,
    constraint uq_revision_number unique (article_id, number),
    constraint fk_revision_article foreign key (article_id) references article (id),
    constraint fk_revision_creator foreign key (created_by) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table revision_author (
    revision_id bigint      not null,
    position    int         not null,
    username    varchar(64) not null,
    primary key (revision_id, position),
    constraint uq_revision_author unique (revision_id, username),
    constraint fk_author_revision foreign key (revision_id) references revision (id),
    constraint fk_author_user foreign key (username) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_revision_author_user on revision_author (username);

create table revision_reference (
    revision_id bigint        not null,
    position    int           not null,
    citation    varchar(2000) not null,
    doi         varchar(255)  null,
    pmid        varchar(32)   null,
    url         varchar(2000) null,
    primary key (revision_id, position),
    constraint fk_reference_revision foreign key (revision_id) references revision (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every decision taken on a task: medical reviews, plagiarism resolutions, publication approvals.
create table decision (
    id              bigint        not null auto_increment primary key,
    article_id      bigint        not null,
    revision_id     bigint        not null,
    revision_number int           not null,
    task_id         varchar(64)   not null,
    task_key        varchar(64)   not null,
    actor           varchar(64)   not null,
    decision        varchar(32)   not null,
    comment         varchar(8000) null,
    publish_at      datetime(6)   null,
    decided_at      datetime(6)   not null,
    constraint uq_decision_task unique (task_id),
    constraint fk_decision_article foreign key (article_id) references article (id),
    constraint fk_decision_revision foreign key (revision_id) references revision (id),
    constraint fk_decision_actor foreign key (actor) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_decision_article on decision (article_id, decided_at);

create table reference_verdict (
    decision_id bigint        not null,
    position    int           not null,
    verdict     varchar(16)   not null,
    note        varchar(2000) null,
    primary key (decision_id, position),
    constraint fk_verdict_decision foreign key (decision_id) references decision (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One report per revision; re-running the check replaces its matches (idempotent).
create table plagiarism_report (
    id                    bigint       not null auto_increment primary key,
    revision_id           bigint       not null,
    flagged               boolean      not null,
    similarity_percent    decimal(5,2) not null,
    longest_passage_words int          not null,
    words                 int          not null,
    checked_at            datetime(6)  not null,
    constraint uq_plagiarism_revision unique (revision_id),
    constraint fk_plagiarism_revision foreign key (revision_id) references revision (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table plagiarism_match (
    report_id           bigint        not null,
    position            int           not null,
    source_article_id   bigint        not null,
    source_revision     int           not null,
    words               int           not null,
    revision_start      int           not null,
    revision_end        int           not null,
    source_start        int           not null,
    source_end          int           not null,
    matched_text        varchar(8000) not null,
    primary key (report_id, position),
    constraint fk_match_report foreign key (report_id) references plagiarism_report (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
