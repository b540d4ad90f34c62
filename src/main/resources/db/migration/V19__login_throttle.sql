-- Login throttling (issue 15): failed sign-ins are limited per (login, source address) and per source address, with
-- Bucket4j's token buckets kept here so that every instance on the database agrees. Bucket4j reads and writes
-- id and state itself (SELECT … FOR UPDATE); touched_at, kept by the trigger, lets the throttle list and purge buckets.
create table login_bucket (
    id         varchar(300) primary key,
    state      bytea,
    touched_at timestamptz  not null default now()
);

create function login_bucket_touch() returns trigger language plpgsql as $$
begin
    new.touched_at := now();
    return new;
end $$;

create trigger login_bucket_touched before update on login_bucket for each row execute function login_bucket_touch();

create index login_bucket_touched_idx on login_bucket (touched_at);

-- Each failed sign-in by password or token: what the owner of the login sees on their page, and what says when an
-- account started to be throttled (at most one notification per burst). account_id is null for unknown logins.
create table login_failure (
    id         bigserial    primary key,
    at         timestamptz  not null,
    username   varchar(200) not null,
    account_id bigint       references user_account (id) on delete cascade,
    address    varchar(100) not null,
    door       varchar(10)  not null,
    throttled  boolean      not null default false
);

create index login_failure_account_idx on login_failure (account_id, at desc);
create index login_failure_at_idx on login_failure (at);

-- The hard lock is gone: nothing locks an account any more, and no account stays locked by the old counter.
update user_account set failed_attempts = 0, locked_until = null where failed_attempts <> 0 or locked_until is not null;
