-- Directory: regions, municipalities, schools and institutions in one tree.
-- region_id and municipality_id are kept on every row so that a user's scope is one indexed predicate.
create sequence org_unit_id_seq start with 1000;

create table org_unit (
    id              bigint primary key,
    type            varchar(20)  not null check (type in ('REGION', 'MUNICIPALITY', 'SCHOOL', 'INSTITUTION')),
    name            varchar(300) not null,
    short_name      varchar(150),
    parent_id       bigint references org_unit (id),
    region_id       bigint references org_unit (id),
    municipality_id bigint references org_unit (id),
    time_zone       varchar(64),
    inn             varchar(12),
    address         varchar(500),
    phone           varchar(100),
    email           varchar(200),
    head_name       varchar(200),
    active          boolean      not null default true,
    version         bigint       not null default 0,
    constraint org_unit_region_has_zone check (type <> 'REGION' or (time_zone is not null and parent_id is null and region_id = id)),
    constraint org_unit_parent check (type = 'REGION' or parent_id is not null or (type = 'INSTITUTION' and region_id is null)),
    constraint org_unit_municipality_self check (type <> 'MUNICIPALITY' or municipality_id = id)
);

create unique index org_unit_sibling_name_uq on org_unit (coalesce(parent_id, 0), lower(name));
create index org_unit_region_type_idx on org_unit (region_id, type, name);
create index org_unit_municipality_idx on org_unit (municipality_id, type, name);
create index org_unit_parent_idx on org_unit (parent_id, name);

-- Accounts: one organisation each; the role decides what of the organisation's tree the user sees.
create table user_account (
    id                   bigserial primary key,
    username             varchar(50)  not null,
    full_name            varchar(200) not null,
    position             varchar(200),
    email                varchar(200),
    password_hash        varchar(200) not null,
    role                 varchar(20)  not null check (role in ('ADMIN', 'REGION', 'MUNICIPALITY', 'SCHOOL')),
    org_unit_id          bigint       not null references org_unit (id),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0,
    constraint user_account_username_lower check (username = lower(username))
);

create unique index user_account_username_uq on user_account (username);
create index user_account_org_unit_idx on user_account (org_unit_id);

-- History (Hibernate Envers): one revision per transaction, with who made it.
create table revinfo (
    rev       bigserial primary key,
    revtstmp  timestamptz  not null,
    username  varchar(100) not null
);

create table org_unit_aud (
    id              bigint      not null,
    rev             bigint      not null references revinfo (rev),
    revtype         smallint,
    type            varchar(20),
    name            varchar(300),
    short_name      varchar(150),
    parent_id       bigint,
    region_id       bigint,
    municipality_id bigint,
    time_zone       varchar(64),
    inn             varchar(12),
    address         varchar(500),
    phone           varchar(100),
    email           varchar(200),
    head_name       varchar(200),
    active          boolean,
    primary key (id, rev)
);

create table user_account_aud (
    id                   bigint      not null,
    rev                  bigint      not null references revinfo (rev),
    revtype              smallint,
    username             varchar(50),
    full_name            varchar(200),
    position             varchar(200),
    email                varchar(200),
    role                 varchar(20),
    org_unit_id          bigint,
    enabled              boolean,
    must_change_password boolean,
    primary key (id, rev)
);

create index user_account_aud_rev_idx on user_account_aud (rev);
create index org_unit_aud_rev_idx on org_unit_aud (rev);

-- Demo data sets already loaded into this database (so a later version can add its own sets once).
create table demo_data_set (
    name      varchar(100) primary key,
    loaded_at timestamptz not null default now()
);

-- Spring Session JDBC: sessions shared by every application instance.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
