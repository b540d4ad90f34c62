-- ВСОКО effectiveness study: versioned indicator frameworks, yearly campaigns, school submissions, values.

create table vsoko_framework (
    id            bigserial primary key,
    region_id     bigint        not null references org_unit (id),
    name          varchar(500)  not null,
    year          int           not null check (year between 2000 and 2100),
    sample        boolean       not null default false,
    formed_from   numeric(5, 2) not null default 75 check (formed_from > 0 and formed_from <= 100),
    partial_from  numeric(5, 2) not null default 50 check (partial_from > 0),
    based_on_id   bigint references vsoko_framework (id),
    created_at    timestamptz   not null default now(),
    version       bigint        not null default 0,
    constraint vsoko_framework_thresholds check (partial_from < formed_from)
);

create index vsoko_framework_region_idx on vsoko_framework (region_id, year desc);

create table vsoko_direction (
    id           bigserial primary key,
    framework_id bigint        not null references vsoko_framework (id) on delete cascade,
    position     int           not null,
    code         varchar(20)   not null,
    name         varchar(1000) not null,
    version      bigint        not null default 0,
    constraint vsoko_direction_code_uq unique (framework_id, code)
);

create table vsoko_indicator (
    id                bigserial primary key,
    direction_id      bigint        not null references vsoko_direction (id) on delete cascade,
    framework_id      bigint        not null references vsoko_framework (id) on delete cascade,
    position          int           not null,
    code              varchar(30)   not null,
    wording           text          not null,
    value_type        varchar(20)   not null check (value_type in ('YES_NO', 'NUMBER', 'PERCENT', 'CHOICE')),
    points            numeric(8, 2) not null check (points >= 0),
    target            numeric(14, 2) check (target > 0),
    evidence_required boolean       not null default false,
    version           bigint        not null default 0,
    constraint vsoko_indicator_code_uq unique (framework_id, code)
);

create index vsoko_indicator_direction_idx on vsoko_indicator (direction_id, position);

create table vsoko_indicator_option (
    indicator_id bigint        not null references vsoko_indicator (id) on delete cascade,
    position     int           not null,
    label        varchar(500)  not null,
    points       numeric(8, 2) not null check (points >= 0),
    primary key (indicator_id, position)
);

create table vsoko_campaign (
    id           bigserial primary key,
    region_id    bigint       not null references org_unit (id),
    name         varchar(500) not null,
    year         int          not null check (year between 2000 and 2100),
    framework_id bigint       not null references vsoko_framework (id),
    opens_on     date         not null,
    closes_on    date         not null,
    status       varchar(20)  not null check (status in ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED')),
    all_schools  boolean      not null default true,
    previous_id  bigint references vsoko_campaign (id),
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    version      bigint       not null default 0,
    constraint vsoko_campaign_dates check (opens_on <= closes_on)
);

create index vsoko_campaign_region_idx on vsoko_campaign (region_id, year desc);

create table vsoko_submission (
    id              bigserial primary key,
    campaign_id     bigint       not null references vsoko_campaign (id) on delete cascade,
    school_id       bigint       not null references org_unit (id),
    region_id       bigint       not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    status          varchar(20)  not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    submitted_at    timestamptz,
    return_comment  text,
    accepted_at     timestamptz,
    updated_at      timestamptz,
    updated_by      varchar(100),
    version         bigint       not null default 0,
    constraint vsoko_submission_once unique (campaign_id, school_id)
);

create index vsoko_submission_municipality_idx on vsoko_submission (campaign_id, municipality_id, status);
create index vsoko_submission_school_idx on vsoko_submission (school_id);

-- One value per school and indicator; the expert's correction is kept beside the school's value, and points
-- are those of the value that counts (the expert's when there is one), derived on every write.
create table vsoko_value (
    id             bigserial primary key,
    submission_id  bigint        not null references vsoko_submission (id) on delete cascade,
    indicator_id   bigint        not null references vsoko_indicator (id) on delete cascade,
    value          numeric(14, 2),
    evidence_url   varchar(2000),
    expert_value   numeric(14, 2),
    expert_comment text,
    expert_by      varchar(100),
    expert_at      timestamptz,
    points         numeric(8, 2) not null default 0,
    updated_at     timestamptz   not null default now(),
    updated_by     varchar(100)  not null,
    version        bigint        not null default 0,
    constraint vsoko_value_once unique (submission_id, indicator_id)
);

create index vsoko_value_indicator_idx on vsoko_value (indicator_id);

-- Who did what to a submission: saves (with the values changed), uploads, submission, return, review.
create table vsoko_submission_event (
    id            bigserial primary key,
    submission_id bigint       not null references vsoko_submission (id) on delete cascade,
    at            timestamptz  not null,
    username      varchar(100) not null,
    action        varchar(30)  not null,
    detail        text
);

create index vsoko_submission_event_idx on vsoko_submission_event (submission_id, at);

create table vsoko_framework_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    name         varchar(500),
    year         int,
    sample       boolean,
    formed_from  numeric(5, 2),
    partial_from numeric(5, 2),
    primary key (id, rev)
);

create table vsoko_direction_aud (
    id       bigint not null,
    rev      bigint not null references revinfo (rev),
    revtype  smallint,
    position int,
    code     varchar(20),
    name     varchar(1000),
    primary key (id, rev)
);

create table vsoko_indicator_aud (
    id                bigint not null,
    rev               bigint not null references revinfo (rev),
    revtype           smallint,
    position          int,
    code              varchar(30),
    wording           text,
    value_type        varchar(20),
    points            numeric(8, 2),
    target            numeric(14, 2),
    evidence_required boolean,
    primary key (id, rev)
);

create table vsoko_campaign_aud (
    id          bigint not null,
    rev         bigint not null references revinfo (rev),
    revtype     smallint,
    name        varchar(500),
    year        int,
    opens_on    date,
    closes_on   date,
    status      varchar(20),
    all_schools boolean,
    primary key (id, rev)
);

create table vsoko_submission_aud (
    id             bigint not null,
    rev            bigint not null references revinfo (rev),
    revtype        smallint,
    status         varchar(20),
    return_comment text,
    primary key (id, rev)
);
