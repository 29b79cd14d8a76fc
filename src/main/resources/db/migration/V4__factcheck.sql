-- Issue 4: fact-check aids.

-- Two more identifiers a reference may carry; the fact-check report validates them.
alter table revision_reference
    add column pmcid varchar(32) null,
    add column issn  varchar(32) null;

-- The Retraction Watch database as last imported: one row a notice. An import replaces every row
-- in one transaction, so a re-import never duplicates. Keys are normalised on the way in (DOI in
-- lower case without prefixes, PMID as a number); notices whose original paper has neither are
-- skipped. Only the ORIGINAL paper's identifiers are keys; the notice's own DOI is kept for show.
create table retraction (
    id              bigint        not null auto_increment primary key,
    record_id       varchar(32)   null,
    original_doi    varchar(255)  collate utf8mb4_bin null,
    original_pmid   bigint        null,
    nature          varchar(32)   not null,
    nature_text     varchar(100)  null,
    retraction_date date          null,
    notice_doi      varchar(255)  null,
    reason          varchar(2000) null,
    title           varchar(1000) null,
    journal         varchar(500)  null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_retraction_doi on retraction (original_doi);
create index ix_retraction_pmid on retraction (original_pmid);
