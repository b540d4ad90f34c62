-- A person's calendar feed: the secret token in the address calendar apps subscribe to (32 random bytes, base64url).
-- One per account, made the first time the person opens their calendar page; renewing it replaces the token, so the
-- old address answers «not found». Not audited: a history would keep copies of the secret.
create table calendar_feed (
    account_id bigint primary key references user_account (id) on delete cascade,
    token      varchar(64) not null unique,
    created_at timestamptz not null,
    version    bigint      not null default 0
);
