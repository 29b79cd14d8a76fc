-- The administrators' desk: a password reset that forces a change at the next sign-in, and an
-- index that answers "when did each person last sign in" and the audit filter by kind of event
-- from the index alone.

alter table app_user add column must_change_password boolean not null default false;

create index ix_audit_type on audit_event (type, actor, occurred_at);
