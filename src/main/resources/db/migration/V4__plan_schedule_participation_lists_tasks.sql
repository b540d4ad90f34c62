-- The monitoring plan-schedule (план-график) of a region's year, its procedures, participation and public
-- observers per school and grade, the year's lists of schools (ШНОР, signs of non-objectivity), and the year's tasks.

-- Procedure types: a shared catalogue (region_id null) that a region extends with its own.
create table procedure_type (
    id              bigserial primary key,
    region_id       bigint references org_unit (id),
    code            varchar(40)   not null,
    name            varchar(300)  not null,
    position        int           not null default 100,
    -- defaults proposed to a new procedure of this type
    coverage_target numeric(5, 2) check (coverage_target > 0 and coverage_target <= 100),
    grades          int[],
    observers       boolean       not null default false,
    -- the study of ВСОКО effectiveness, which is linked to a ВСОКО campaign
    vsoko           boolean       not null default false,
    active          boolean       not null default true,
    version         bigint        not null default 0
);

create unique index procedure_type_code_uq on procedure_type (coalesce(region_id, 0), code);
create unique index procedure_type_name_uq on procedure_type (coalesce(region_id, 0), lower(name));

insert into procedure_type (code, name, position, coverage_target, grades, observers, vsoko) values
    ('VPR', 'Всероссийские проверочные работы (ВПР)', 10, 100, '{4,5,6,7,8}', true, false),
    ('RPR', 'Региональные проверочные работы (РПР)', 20, null, null, true, false),
    ('NIKO', 'Национальные исследования качества образования (НИКО)', 30, null, null, true, false),
    ('REGIONAL_DIAGNOSTICS', 'Региональная диагностика', 40, null, '{10}', true, false),
    ('FUNCTIONAL_LITERACY', 'Исследование функциональной грамотности', 50, null, null, true, false),
    ('TEACHER_DIFFICULTIES', 'Диагностика затруднений учителей', 60, null, null, false, false),
    ('VSOKO', 'Исследование эффективности ВСОКО', 70, null, null, false, true),
    ('SHNOR_MONITORING', 'Мониторинг работы с ШНОР', 80, null, null, false, false),
    ('MANAGEMENT_ANALYSIS', 'Анализ механизмов управления качеством образования', 90, null, null, false, false);

create table plan (
    id           bigserial primary key,
    region_id    bigint        not null references org_unit (id),
    year         int           not null check (year between 2000 and 2100),
    title        varchar(500)  not null,
    order_issuer varchar(500),
    order_number varchar(100),
    order_date   date,
    status       varchar(20)   not null check (status in ('DRAFT', 'APPROVED')),
    approved_at  timestamptz,
    created_at   timestamptz   not null default now(),
    version      bigint        not null default 0,
    constraint plan_once unique (region_id, year),
    constraint plan_approved_has_order check (status <> 'APPROVED'
        or (order_issuer is not null and order_number is not null and order_date is not null))
);

create table plan_procedure (
    id                 bigserial primary key,
    plan_id            bigint        not null references plan (id) on delete cascade,
    region_id          bigint        not null references org_unit (id),
    type_id            bigint        not null references procedure_type (id),
    position           int           not null,
    title              varchar(1000) not null,
    period_start       date          not null,
    period_end         date          not null,
    grades             int[],
    subjects           varchar(1000),
    participants       varchar(20)   not null check (participants in ('ALL_SCHOOLS', 'MUNICIPALITIES', 'SCHOOLS')),
    responsible_id     bigint references org_unit (id),
    observers_required boolean       not null default false,
    coverage_target    numeric(5, 2) check (coverage_target > 0 and coverage_target <= 100),
    vsoko_campaign_id  bigint references vsoko_campaign (id) on delete set null,
    status             varchar(20)   not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'MOVED', 'CANCELLED')),
    -- перенесено: the new dates; the planned ones stay in period_start/period_end
    moved_start        date,
    moved_end          date,
    moved_on           date,
    cancel_reason      text,
    cancelled_on       date,
    -- the day it was actually finished, which decides «в срок» or «с нарушением срока»
    done_on            date,
    results_summary    text,
    updated_at         timestamptz,
    updated_by         varchar(100),
    version            bigint        not null default 0,
    constraint plan_procedure_period check (period_start <= period_end),
    constraint plan_procedure_moved check (status <> 'MOVED' or (moved_start is not null and moved_end is not null and moved_start <= moved_end)),
    constraint plan_procedure_cancelled check (status <> 'CANCELLED' or cancel_reason is not null),
    constraint plan_procedure_done check (status <> 'DONE' or done_on is not null)
);

create index plan_procedure_plan_idx on plan_procedure (plan_id, position);
create index plan_procedure_region_end_idx on plan_procedure (region_id, period_end);

-- Chosen municipalities or schools of a procedure that is not for all schools.
create table plan_procedure_participant (
    procedure_id bigint not null references plan_procedure (id) on delete cascade,
    org_unit_id  bigint not null references org_unit (id),
    primary key (procedure_id, org_unit_id)
);

create index plan_procedure_participant_org_idx on plan_procedure_participant (org_unit_id);

create table plan_procedure_file (
    id           bigserial primary key,
    procedure_id bigint       not null references plan_procedure (id) on delete cascade,
    file_id      bigint       not null references stored_file (id),
    created_at   timestamptz  not null default now(),
    created_by   varchar(100) not null
);

create index plan_procedure_file_idx on plan_procedure_file (procedure_id);

-- Participation of one school's grade in one procedure, and whether public observers were present.
create table participation (
    id              bigserial primary key,
    procedure_id    bigint       not null references plan_procedure (id) on delete cascade,
    school_id       bigint       not null references org_unit (id),
    region_id       bigint       not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    grade           int          not null check (grade between 1 and 11),
    pupils          int          not null check (pupils >= 0),
    participants    int          not null check (participants >= 0),
    observers       boolean      not null default false,
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(100) not null,
    version         bigint       not null default 0,
    constraint participation_not_more check (participants <= pupils),
    constraint participation_once unique (procedure_id, school_id, grade)
);

create index participation_municipality_idx on participation (procedure_id, municipality_id);
create index participation_school_idx on participation (school_id);

-- Lists of a year: schools with low results (ШНОР) and schools with signs of non-objectivity.
create table school_list_entry (
    id              bigserial primary key,
    region_id       bigint        not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    school_id       bigint        not null references org_unit (id),
    year            int           not null check (year between 2000 and 2100),
    kind            varchar(20)   not null check (kind in ('LOW_RESULTS', 'NON_OBJECTIVE')),
    basis           varchar(2000),
    created_at      timestamptz   not null default now(),
    created_by      varchar(100)  not null,
    version         bigint        not null default 0,
    constraint school_list_entry_once unique (year, kind, school_id)
);

create index school_list_entry_region_idx on school_list_entry (region_id, year, kind);
create index school_list_entry_municipality_idx on school_list_entry (municipality_id, year, kind);
create index school_list_entry_school_idx on school_list_entry (school_id, year);

-- The region's tasks of a year, some with a target on a figure the product computes.
create table annual_task (
    id        bigserial primary key,
    region_id bigint        not null references org_unit (id),
    year      int           not null check (year between 2000 and 2100),
    position  int           not null,
    text      text          not null,
    metric    varchar(40) check (metric in ('VPR_COVERAGE', 'OBSERVER_SHARE', 'VSOKO_FORMED_SHARE',
                                             'DECISIONS_ON_TIME_SHARE', 'PLAN_ON_TIME_SHARE')),
    target    numeric(6, 2) check (target >= 0 and target <= 100),
    version   bigint        not null default 0,
    constraint annual_task_target_needs_metric check (target is null or metric is not null)
);

create index annual_task_region_idx on annual_task (region_id, year, position);

create table procedure_type_aud (
    id              bigint not null,
    rev             bigint not null references revinfo (rev),
    revtype         smallint,
    code            varchar(40),
    name            varchar(300),
    position        int,
    coverage_target numeric(5, 2),
    grades          int[],
    observers       boolean,
    vsoko           boolean,
    active          boolean,
    primary key (id, rev)
);

create table plan_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    title        varchar(500),
    year         int,
    order_issuer varchar(500),
    order_number varchar(100),
    order_date   date,
    status       varchar(20),
    primary key (id, rev)
);

create table plan_procedure_aud (
    id                 bigint not null,
    rev                bigint not null references revinfo (rev),
    revtype            smallint,
    position           int,
    title              varchar(1000),
    period_start       date,
    period_end         date,
    grades             int[],
    subjects           varchar(1000),
    participants       varchar(20),
    observers_required boolean,
    coverage_target    numeric(5, 2),
    status             varchar(20),
    moved_start        date,
    moved_end          date,
    moved_on           date,
    cancel_reason      text,
    cancelled_on       date,
    done_on            date,
    results_summary    text,
    primary key (id, rev)
);

create table participation_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    grade        int,
    pupils       int,
    participants int,
    observers    boolean,
    primary key (id, rev)
);

create table school_list_entry_aud (
    id      bigint not null,
    rev     bigint not null references revinfo (rev),
    revtype smallint,
    year    int,
    kind    varchar(20),
    basis   varchar(2000),
    primary key (id, rev)
);

create table annual_task_aud (
    id       bigint not null,
    rev      bigint not null references revinfo (rev),
    revtype  smallint,
    year     int,
    position int,
    text     text,
    metric   varchar(40),
    target   numeric(6, 2),
    primary key (id, rev)
);

create index procedure_type_aud_rev_idx on procedure_type_aud (rev);
create index plan_aud_rev_idx on plan_aud (rev);
create index plan_procedure_aud_rev_idx on plan_procedure_aud (rev);
create index participation_aud_rev_idx on participation_aud (rev);
create index school_list_entry_aud_rev_idx on school_list_entry_aud (rev);
create index annual_task_aud_rev_idx on annual_task_aud (rev);
