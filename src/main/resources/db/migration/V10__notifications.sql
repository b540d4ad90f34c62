-- Notifications: what a person was told in the app. A notification is written once per person and occasion:
-- dedup_key names the occasion (a protocol sent, a reminder of a day), so a second run of a job or a second
-- application instance writes nothing new.
create table notification (
    id           bigserial primary key,
    account_id   bigint       not null references user_account (id) on delete cascade,
    region_id    bigint references org_unit (id),
    kind         varchar(40)  not null,
    title        varchar(300) not null,
    body         text         not null,
    link         varchar(500),
    meeting_id   bigint,
    execution_id bigint,
    campaign_id  bigint,
    dedup_key    varchar(200) not null,
    created_at   timestamptz  not null,
    read_at      timestamptz
);

create unique index notification_once_uq on notification (account_id, dedup_key);
create index notification_inbox_idx on notification (account_id, created_at desc, id desc);
create index notification_unread_idx on notification (account_id, kind) where read_at is null;

-- What a person chose: the kinds they want in the app only, not by e-mail (none by default, so a kind added later
-- comes by e-mail too), and the day of their weekly digest.
-- A person without a row has the defaults: every kind by e-mail, the digest on Mondays for regional and municipal
-- staff and none for others.
create table notification_preference (
    account_id  bigint primary key references user_account (id) on delete cascade,
    app_only_kinds varchar(1000) not null default '',
    digest_day  smallint check (digest_day between 1 and 7),
    updated_at  timestamptz,
    version     bigint       not null default 0
);

create table notification_preference_aud (
    account_id  bigint   not null,
    rev         bigint   not null references revinfo (rev),
    revtype     smallint,
    app_only_kinds varchar(1000),
    digest_day  smallint,
    updated_at  timestamptz,
    primary key (account_id, rev)
);

-- A region's reminder days: how many days before a deadline people are reminded (7 and 1 unless changed).
create table notification_region_setting (
    region_id    bigint primary key references org_unit (id),
    days_before  varchar(50) not null default '7,1',
    updated_at   timestamptz,
    updated_by   varchar(100),
    version      bigint      not null default 0
);

create table notification_region_setting_aud (
    region_id    bigint   not null,
    rev          bigint   not null references revinfo (rev),
    revtype      smallint,
    days_before  varchar(50),
    updated_at   timestamptz,
    updated_by   varchar(100),
    primary key (region_id, rev)
);

-- A file attached to mails (a protocol's covering letter), kept once however many mails carry it.
create table mail_attachment (
    id         bigserial primary key,
    name       varchar(200) not null,
    content    bytea        not null,
    created_at timestamptz  not null
);

-- Mail to be sent: written in the transaction of what caused it, sent afterwards by whichever instance takes the
-- row first (select … for update skip locked). dedup_key is unique per recipient, subject and day: a reminder
-- already queued is never queued again. A failed send is retried with growing pauses; after the last attempt the
-- row stays FAILED for the administrator to see and send again.
create table mail_outbox (
    id              bigserial primary key,
    dedup_key       varchar(300)  not null,
    account_id      bigint references user_account (id) on delete set null,
    region_id       bigint references org_unit (id),
    recipient       varchar(200)  not null,
    subject         varchar(300)  not null,
    html            text          not null,
    plain           text          not null,
    attachment_id   bigint references mail_attachment (id),
    status          varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

create unique index mail_outbox_once_uq on mail_outbox (dedup_key);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_trouble_idx on mail_outbox (region_id, created_at desc) where status <> 'SENT' and attempts > 0;

-- ShedLock: a scheduled job runs on one application instance at a time.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
