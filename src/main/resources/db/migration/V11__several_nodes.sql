-- Several nodes on one MariaDB (README, Several nodes): what one node kept in its memory now lives here.

-- HTTP sessions (Spring Session JDBC, the MySQL flavour of its tables), so that any node serves any
-- request and ending a user's sessions on one node ends them on every node. PRINCIPAL_NAME is the
-- canonical user name, compared byte for byte like every user name column.
create table SPRING_SESSION (
    PRIMARY_ID            char(36)     not null,
    SESSION_ID            char(36)     not null,
    CREATION_TIME         bigint       not null,
    LAST_ACCESS_TIME      bigint       not null,
    MAX_INACTIVE_INTERVAL int          not null,
    EXPIRY_TIME           bigint       not null,
    PRINCIPAL_NAME        varchar(100) character set utf8mb4 collate utf8mb4_bin null,
    constraint SPRING_SESSION_PK primary key (PRIMARY_ID)
) engine = InnoDB row_format = dynamic;

create unique index SPRING_SESSION_IX1 on SPRING_SESSION (SESSION_ID);
create index SPRING_SESSION_IX2 on SPRING_SESSION (EXPIRY_TIME);
create index SPRING_SESSION_IX3 on SPRING_SESSION (PRINCIPAL_NAME);

create table SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID char(36)     not null,
    ATTRIBUTE_NAME     varchar(200) not null,
    ATTRIBUTE_BYTES    mediumblob   not null,
    constraint SPRING_SESSION_ATTRIBUTES_PK primary key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    constraint SPRING_SESSION_ATTRIBUTES_FK foreign key (SESSION_PRIMARY_ID)
        references SPRING_SESSION (PRIMARY_ID) on delete cascade
) engine = InnoDB row_format = dynamic;

-- Readers' rate limits, shared by every node: one row per limit, key and fixed window (window =
-- its start in epoch milliseconds). A node adds one hit with a single upsert and reads the new count
-- from the same statement (LAST_INSERT_ID(expr)); windows older than the previous one are deleted.
create table reader_limit (
    window_start bigint     not null,
    limit_key  varchar(160) character set ascii collate ascii_bin not null,
    hits       int          not null,
    primary key (window_start, limit_key)
) engine = InnoDB;

-- Work that one node of the cluster does once (the demo articles): the node whose insert lands does it.
create table done_once (
    name    varchar(64) character set ascii collate ascii_bin not null primary key,
    done_by varchar(200) not null,
    done_at datetime(6)  not null
) engine = InnoDB;
