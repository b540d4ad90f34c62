-- The security log (issue 15): sign-ins, failures, throttling, sign-outs, passwords, roles, accounts, tokens and
-- region-wide downloads; who it is about (account_id, username), who did it (actor, when another person), the region
-- a region's administrator sees it in, the address and browser. No foreign key: a row outlives what it names.
-- Purged after rsoko.security-log.retention (400 days by default).
create table security_event (
    id         bigserial     primary key,
    at         timestamptz   not null,
    kind       varchar(30)   not null,
    account_id bigint,
    username   varchar(100)  not null default '',
    actor      varchar(100),
    region_id  bigint,
    address    varchar(100),
    user_agent varchar(200),
    details    varchar(1000) not null default ''
);

create index security_event_at_idx on security_event (at desc, id desc);
create index security_event_region_idx on security_event (region_id, at desc, id desc);
