-- Issue 3: the plagiarism fingerprint index, registered source texts, and richer reports.

-- Texts editors register so that the check also compares against them (POST /api/sources).
create table plagiarism_source (
    id          bigint        not null auto_increment primary key,
    title       varchar(500)  not null,
    url         varchar(2000) null,
    body        mediumtext    not null,
    sha256      char(64)      not null,
    words       int           not null,
    created_by  varchar(64)   not null,
    created_at  datetime(6)   not null,
    -- one source per text: registering the same text again returns the source already there
    constraint uq_plagiarism_source_sha256 unique (sha256),
    constraint fk_source_creator foreign key (created_by) references app_user (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every indexed document: a published revision of an article, or a registered source.
-- No foreign keys: the benchmark fills these tables without articles behind them.
create table plag_doc (
    id              bigint      not null auto_increment primary key,
    kind            varchar(16) not null,
    article_id      bigint      null,
    revision_id     bigint      null,
    revision_number int         null,
    source_id       bigint      null,
    fingerprints    int         not null,
    words           int         not null,
    indexed_at      datetime(6) not null,
    constraint uq_plag_doc_revision unique (revision_id),
    constraint uq_plag_doc_source unique (source_id)
) engine = InnoDB;

create index ix_plag_doc_article on plag_doc (article_id);

-- The inverted index: 2^20 buckets keyed by the top 20 bits of a fingerprint, each one packed
-- blob of postings (document id delta as a varint, 16-bit residual of the key); see PostingCodec.
create table plag_bucket (
    bucket   int        not null primary key,
    postings mediumblob not null,
    entries  int        not null
) engine = InnoDB;

-- Fingerprints found in more documents than the cap: taken out of their bucket, listed here,
-- and ignored from then on (boilerplate).
create table plag_common (
    fp_key    bigint      not null primary key,
    docs      int         not null,
    capped_at datetime(6) not null
) engine = InnoDB;

-- One row that every writer of the index locks first, so two nodes never interleave updates.
create table plag_index_lock (
    id int not null primary key
) engine = InnoDB;
insert into plag_index_lock (id) values (1);

alter table plagiarism_report
    add column candidates              int           not null default 0,
    add column quoted_words            int           not null default 0,
    add column dismissal_justification varchar(8000) null,
    add column dismissed_by            varchar(64)   null,
    add column dismissed_at            datetime(6)   null;

alter table plagiarism_match
    modify column source_article_id bigint null,
    modify column source_revision   int    null,
    add column source_kind   varchar(16)   not null default 'ARTICLE',
    add column source_id     bigint        null,
    add column source_title  varchar(500)  null,
    add column matched_words int           not null default 0,
    add column quoted        boolean       not null default false,
    add column source_text   text          null;
