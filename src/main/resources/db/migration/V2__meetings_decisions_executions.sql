-- Files people upload (evidence of execution, materials of a meeting), kept in the database in chunks so that
-- every application instance serves them and neither upload nor download holds a whole file in memory.
create table stored_file (
    id           bigserial primary key,
    name         varchar(255) not null,
    content_type varchar(200) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    created_by   varchar(100) not null
);

create table stored_file_chunk (
    file_id bigint not null references stored_file (id) on delete cascade,
    seq     int    not null,
    data    bytea  not null,
    primary key (file_id, seq)
);

-- Meetings of the region (municipality_id null) or of one municipality with its schools' directors.
create table meeting (
    id                                bigserial primary key,
    region_id                         bigint        not null references org_unit (id),
    municipality_id                   bigint references org_unit (id),
    organiser_id                      bigint        not null references org_unit (id),
    kind                              varchar(30)   not null,
    title                             varchar(1000) not null,
    protocol_number                   varchar(50),
    meeting_date                      date          not null,
    start_time                        time,
    place                             varchar(500),
    video_link                        varchar(1000),
    chair                             varchar(500),
    secretary                         varchar(500),
    participants                      text,
    municipalities_connected          int check (municipalities_connected >= 0),
    status                            varchar(20)   not null,
    signatory_position                varchar(300),
    signatory_name                    varchar(200),
    announcement_number               varchar(50),
    announcement_date                 date,
    announcement_addressees           text,
    announcement_body                 text,
    report_request                    text,
    announcement_signatory_position   varchar(300),
    announcement_signatory_name       varchar(200),
    cover_number                      varchar(50),
    cover_date                        date,
    cover_addressees                  text,
    cover_body                        text,
    cover_signatory_position          varchar(300),
    cover_signatory_name              varchar(200),
    executor                          varchar(500),
    signed_at                         timestamptz,
    sent_at                           timestamptz,
    created_at                        timestamptz   not null default now(),
    version                           bigint        not null default 0,
    constraint meeting_status check (status in ('PLANNED', 'HELD', 'SIGNED', 'SENT'))
);

create index meeting_region_date_idx on meeting (region_id, meeting_date desc);
create index meeting_municipality_date_idx on meeting (municipality_id, meeting_date desc);

create table agenda_item (
    id         bigserial primary key,
    meeting_id bigint      not null references meeting (id) on delete cascade,
    position   int         not null,
    number     varchar(20) not null,
    title      text        not null,
    speakers   text,
    heard      text,
    version    bigint      not null default 0
);

create index agenda_item_meeting_idx on agenda_item (meeting_id, position);

create table agenda_material (
    id             bigserial primary key,
    agenda_item_id bigint       not null references agenda_item (id) on delete cascade,
    title          varchar(500) not null,
    url            varchar(2000),
    file_id        bigint references stored_file (id),
    created_at     timestamptz  not null default now(),
    created_by     varchar(100) not null,
    constraint agenda_material_link_or_file check (url is not null or file_id is not null)
);

create index agenda_material_item_idx on agenda_material (agenda_item_id);

create table decision (
    id                   bigserial primary key,
    meeting_id           bigint      not null references meeting (id) on delete cascade,
    position             int         not null,
    number               varchar(20) not null,
    text                 text        not null,
    responsible_text     varchar(2000),
    deadline_kind        varchar(30) not null,
    due_date             date,
    period_start         date,
    deadline_text        varchar(1000),
    report_period        varchar(20) not null default 'QUARTER',
    days_after_procedure int         not null default 30 check (days_after_procedure between 0 and 365),
    version              bigint      not null default 0
);

create index decision_meeting_idx on decision (meeting_id, position);

-- Who must execute a decision: an organisation, or a category that fans out to many.
create table decision_responsible (
    decision_id bigint      not null references decision (id) on delete cascade,
    position    int         not null,
    kind        varchar(30) not null check (kind in ('ORGANISATION', 'ALL_MUNICIPALITIES', 'ALL_SCHOOLS', 'SCHOOLS_OF')),
    org_unit_id bigint references org_unit (id),
    primary key (decision_id, position),
    constraint decision_responsible_unit check ((kind in ('ORGANISATION', 'SCHOOLS_OF')) = (org_unit_id is not null))
);

-- One record per decision and responsible organisation, reported on by that organisation.
create table execution (
    id               bigserial primary key,
    decision_id      bigint      not null references decision (id),
    org_unit_id      bigint      not null references org_unit (id),
    region_id        bigint      not null references org_unit (id),
    municipality_id  bigint references org_unit (id),
    status           varchar(20) not null,
    recurring        boolean     not null,
    period_start     date        not null,
    due_date         date,
    report           text,
    reason           text,
    evidence_url     varchar(2000),
    evidence_file_id bigint references stored_file (id),
    completed_at     timestamptz,
    updated_at       timestamptz,
    updated_by       varchar(100),
    version          bigint      not null default 0,
    constraint execution_status check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_DONE')),
    constraint execution_once unique (decision_id, org_unit_id)
);

create index execution_org_due_idx on execution (org_unit_id, due_date);
create index execution_municipality_due_idx on execution (municipality_id, due_date);
create index execution_region_due_idx on execution (region_id, due_date);
create index execution_decision_idx on execution (decision_id, municipality_id);

-- Period reports of ongoing decisions: never closed once for all, reported period by period.
create table execution_report (
    id               bigserial primary key,
    execution_id     bigint       not null references execution (id) on delete cascade,
    period_start     date         not null,
    period_end       date         not null,
    text             text         not null,
    evidence_url     varchar(2000),
    evidence_file_id bigint references stored_file (id),
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    constraint execution_report_period unique (execution_id, period_start)
);

create table execution_comment (
    id           bigserial primary key,
    execution_id bigint       not null references execution (id) on delete cascade,
    text         text         not null,
    author       varchar(100) not null,
    author_name  varchar(200) not null,
    org_unit_name varchar(300) not null,
    created_at   timestamptz  not null
);

create index execution_comment_idx on execution_comment (execution_id, created_at);

-- History
create table meeting_aud (
    id                              bigint   not null,
    rev                             bigint   not null references revinfo (rev),
    revtype                         smallint,
    kind                            varchar(30),
    title                           varchar(1000),
    protocol_number                 varchar(50),
    meeting_date                    date,
    start_time                      time,
    place                           varchar(500),
    video_link                      varchar(1000),
    chair                           varchar(500),
    secretary                       varchar(500),
    participants                    text,
    municipalities_connected        int,
    status                          varchar(20),
    signatory_position              varchar(300),
    signatory_name                  varchar(200),
    announcement_number             varchar(50),
    announcement_date               date,
    announcement_addressees         text,
    announcement_body               text,
    report_request                  text,
    announcement_signatory_position varchar(300),
    announcement_signatory_name     varchar(200),
    cover_number                    varchar(50),
    cover_date                      date,
    cover_addressees                text,
    cover_body                      text,
    cover_signatory_position        varchar(300),
    cover_signatory_name            varchar(200),
    executor                        varchar(500),
    primary key (id, rev)
);

create table agenda_item_aud (
    id         bigint   not null,
    rev        bigint   not null references revinfo (rev),
    revtype    smallint,
    meeting_id bigint,
    position   int,
    number     varchar(20),
    title      text,
    speakers   text,
    heard      text,
    primary key (id, rev)
);

create table decision_aud (
    id                   bigint   not null,
    rev                  bigint   not null references revinfo (rev),
    revtype              smallint,
    meeting_id           bigint,
    position             int,
    number               varchar(20),
    text                 text,
    responsible_text     varchar(2000),
    deadline_kind        varchar(30),
    due_date             date,
    period_start         date,
    deadline_text        varchar(1000),
    report_period        varchar(20),
    days_after_procedure int,
    primary key (id, rev)
);

create table execution_aud (
    id               bigint   not null,
    rev              bigint   not null references revinfo (rev),
    revtype          smallint,
    status           varchar(20),
    due_date         date,
    report           text,
    reason           text,
    evidence_url     varchar(2000),
    evidence_file_id bigint,
    primary key (id, rev)
);
