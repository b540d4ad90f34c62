-- Personal access tokens for the API (issue 14): a person names a token, may give it an expiry, and calls /api/** with
-- «Authorization: Bearer rsoko_…» as themselves. The token is shown once; only its SHA-256 is kept (it is 32 random
-- bytes, so a fast hash is enough and a call costs no bcrypt). Revoked by its owner or by an administrator of the
-- account: the row stays, with who revoked it and when.
create table api_token (
    id           bigserial primary key,
    account_id   bigint       not null references user_account (id) on delete cascade,
    name         varchar(100) not null,
    -- hex SHA-256 of the whole token; looked up on every call that carries one
    token_hash   varchar(64)  not null,
    -- the token's first characters («rsoko_AbCd»), so that a person recognises it in the list
    token_hint   varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(100),
    -- when it last authenticated a call, written at most once an hour per token (no write on every read)
    last_used_at timestamptz,
    version      bigint       not null default 0,
    constraint api_token_hash_unique unique (token_hash)
);

create index api_token_account_idx on api_token (account_id, created_at);

-- Envers history: created, revoked (the hash and the last use are left out of it on purpose)
create table api_token_aud (
    id         bigint   not null,
    rev        bigint   not null references revinfo (rev),
    revtype    smallint,
    account_id bigint,
    name       varchar(100),
    token_hint varchar(16),
    created_at timestamptz,
    expires_at timestamptz,
    revoked_at timestamptz,
    revoked_by varchar(100),
    primary key (id, rev)
);

create index api_token_aud_rev_idx on api_token_aud (rev);
create index api_token_aud_id_idx on api_token_aud (id);
