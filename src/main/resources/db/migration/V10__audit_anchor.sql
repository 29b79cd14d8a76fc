-- The audit trail's anchor outside the database rows it protects (issue 12).
--
-- Each event gets a MAC: HMAC-SHA256 of its hash under imprimatur.audit.key, a key kept in the
-- configuration and never in the database. Events written before this migration get theirs from
-- the Java migration 10.1 (audit.AuditMacs), which also makes the column NOT NULL.
alter table audit_event add column mac char(64) null;

-- Signed checkpoints of the chain's head, also written to the application log; an exported one is
-- what verification holds the chain against when the database itself is not trusted.
create table audit_checkpoint (
    id         bigint      not null auto_increment primary key,
    head_seq   bigint      not null,
    events     bigint      not null,
    head_hash  char(64)    not null,
    created_at datetime(6) not null,
    mac        char(64)    not null
) engine = InnoDB;

create trigger audit_checkpoint_no_update before update on audit_checkpoint for each row
    signal sqlstate '45000' set message_text = 'audit_checkpoint is append-only: UPDATE refused';

create trigger audit_checkpoint_no_delete before delete on audit_checkpoint for each row
    signal sqlstate '45000' set message_text = 'audit_checkpoint is append-only: DELETE refused';
