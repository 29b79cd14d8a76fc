-- Indexes the reports read from (docs/reports.md). Each report reads a range of one of them and
-- nothing else, so it answers in milliseconds at 100,000 articles and open tasks. The index on the
-- engine's task history is made by workflow.HistoryIndexes once the engine's tables exist.

-- reader reports by reason and outcome in a period
create index ix_feedback_created on feedback_report (created_at, reason, state);
-- plagiarism findings dismissed or returned in a period
create index ix_decision_key_time on decision (task_key, decided_at, decision);
-- publications per week (the audit trail's revision.published events)
create index ix_audit_type_time on audit_event (type, occurred_at);
-- published articles due for re-review
create index ix_article_review_due on article (status, last_reviewed_at);
-- open work by step and age; overdue reviews
create index ix_task_queue_key_created on task_queue (task_key, created);
create index ix_task_queue_key_due on task_queue (task_key, due_order, created, task_id);
