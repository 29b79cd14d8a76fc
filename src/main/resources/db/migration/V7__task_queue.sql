-- The open tasks as the queues read them: a read model of Camunda's ACT_RU_TASK, kept in step by a
-- built-in task listener of the workflow module in the engine's own transaction. Camunda's task
-- query sorts every matching row in a temporary table; this table answers a page of 50 and the
-- counts from its indexes alone. Rows are deleted when their task completes or is deleted.

create table task_queue (
    task_id             varchar(64)  not null primary key,
    task_key            varchar(64)  not null,
    name                varchar(255) not null,
    process_instance_id varchar(64)  not null,
    article_id          bigint       not null,
    revision            int          not null,
    title               varchar(300) not null,
    -- the reader's report a triage task is about
    report_id           varchar(64)  null,
    -- the task's candidate group (each user task of the route has at most one); null for personal tasks
    candidate_group     varchar(64)  null,
    assignee            varchar(64)  null,
    created             datetime(6)  not null,
    due                 datetime(6)  null,
    -- the due date, or far in the future when there is none: sorting on it puts overdue work first
    due_order           datetime(6)  not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_task_queue_claimable on task_queue (candidate_group, assignee, due_order, created, task_id);
create index ix_task_queue_claimable_key on task_queue (candidate_group, task_key, assignee, due_order, created, task_id);
create index ix_task_queue_group on task_queue (candidate_group, due_order, created, task_id);
create index ix_task_queue_mine on task_queue (assignee, due_order, created, task_id);
create index ix_task_queue_mine_key on task_queue (assignee, task_key, due_order, created, task_id);
create index ix_task_queue_article on task_queue (article_id);

-- The authors of the revision a four-eyes task decides on: never offered it.
create table task_queue_author (
    task_id  varchar(64) not null,
    username varchar(64) not null,
    primary key (task_id, username),
    constraint fk_task_queue_author foreign key (task_id) references task_queue (task_id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_task_queue_author_user on task_queue_author (username, task_id);
