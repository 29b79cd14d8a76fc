-- Notifications (docs/notifications.md): staff e-mail addresses, what each person was told (the
-- in-app list), each person's choice per kind, and the mail outbox.

alter table app_user add column email varchar(254) null;
-- the demo users (and anyone already here) get <username>@example.org until an admin sets a real address
update app_user set email = concat(username, '@example.org')
 where username in ('writer', 'writer2', 'reviewer', 'reviewer2', 'editor', 'admin');

-- One row per (event, person): event_key names the event (the task and its due time, the report, the
-- decision), so telling someone twice about one event is impossible (insert ignore meets the unique key).
-- delivery: MAIL (sent at once), DIGEST (waits for the daily digest), APP (in the app only: no address or no mail server).
create table notification (
    id         bigint        not null auto_increment primary key,
    recipient  varchar(64)   character set utf8mb4 collate utf8mb4_bin not null,
    kind       varchar(20)   not null,
    event_key  varchar(160)  character set ascii collate ascii_bin not null,
    subject    varchar(300)  not null,
    body       varchar(2000) not null,
    link       varchar(500)  not null,
    delivery   varchar(10)   not null,
    created_at datetime(6)   not null,
    read_at    datetime(6)   null,
    digest_id  bigint        null,
    constraint uk_notification_event unique (event_key, recipient),
    index ix_notification_recipient (recipient, id),
    index ix_notification_digest (delivery, digest_id, recipient)
) engine = InnoDB;

-- A person's choice for one kind; no row: the kind's default (notification.Kind).
create table notification_setting (
    username varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    kind     varchar(20) not null,
    mode     varchar(10) not null,
    primary key (username, kind),
    constraint fk_notification_setting_user foreign key (username) references app_user (username)
) engine = InnoDB;

-- The mail outbox: one row per message, written in the transaction of the change; message_key is
-- unique per (event, recipient) (a notification's id, a digest, a reader's report and step), so a
-- message is never queued twice. next_attempt_at doubles as the lease of the node that sends it.
-- The text is rendered when it is sent (mail templates); subject, body and link are what it says.
create table mail_outbox (
    id              bigint        not null auto_increment primary key,
    message_key     varchar(200)  character set ascii collate ascii_bin not null,
    address         varchar(254)  not null,
    recipient       varchar(64)   character set utf8mb4 collate utf8mb4_bin null,
    kind            varchar(20)   not null,
    subject         varchar(300)  not null,
    body            text          not null,
    link            varchar(500)  not null,
    state           varchar(10)   not null,
    attempts        int           not null default 0,
    created_at      datetime(6)   not null,
    next_attempt_at datetime(6)   not null,
    last_attempt_at datetime(6)   null,
    last_error      varchar(2000) null,
    sent_at         datetime(6)   null,
    constraint uk_mail_outbox_key unique (message_key),
    index ix_mail_outbox_due (state, next_attempt_at)
) engine = InnoDB;
