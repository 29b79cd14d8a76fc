-- An editor's withdrawal: the published revision goes offline until a revision is published again.
-- The row keeps its publication data (which revision, reviewed by whom, when); these columns say who
-- withdrew it, when and why, and are cleared by the next publication. The audit trail keeps every
-- withdrawal, including those a later publication has ended.

alter table article
    add column withdrawn_at     datetime(6)   null,
    add column withdrawn_by     varchar(64)   null,
    add column withdrawn_reason varchar(2000) null;
