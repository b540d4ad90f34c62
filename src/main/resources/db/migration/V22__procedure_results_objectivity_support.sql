-- Issue 17: the results of assessment procedures (ВПР and others), regional re-checks of works, the review of
-- computed signs of non-objectivity and ШНОР candidates, and the support programmes of ШНОР schools.

-- One school's results in one procedure, grade and subject, in the shape of the federal report: marks «2»…«5»,
-- the mean primary score, and the comparison with the school's own marks (понизили / подтвердили / повысили).
-- year is the plan's year and procedure_type the procedure type's code (VPR, RPR…), kept here so that
-- year-over-year reads need no join with the plan's tables.
create table procedure_result (
    id              bigserial primary key,
    procedure_id    bigint        not null references plan_procedure (id) on delete cascade,
    procedure_type  varchar(40)   not null,
    region_id       bigint        not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    school_id       bigint        not null references org_unit (id),
    year            int           not null check (year between 2000 and 2100),
    grade           int           not null check (grade between 1 and 11),
    subject         varchar(40)   not null,
    participants    int           not null check (participants >= 0),
    mark2           int           not null check (mark2 >= 0),
    mark3           int           not null check (mark3 >= 0),
    mark4           int           not null check (mark4 >= 0),
    mark5           int           not null check (mark5 >= 0),
    mean_score      numeric(6, 2) check (mean_score >= 0),
    lowered         int check (lowered >= 0),
    confirmed       int check (confirmed >= 0),
    raised          int check (raised >= 0),
    updated_at      timestamptz   not null default now(),
    updated_by      varchar(100)  not null,
    version         bigint        not null default 0,
    constraint procedure_result_marks check (mark2 + mark3 + mark4 + mark5 = participants),
    constraint procedure_result_comparison check (
        coalesce(lowered, 0) + coalesce(confirmed, 0) + coalesce(raised, 0) <= participants),
    constraint procedure_result_once unique (procedure_id, school_id, grade, subject)
);

create index procedure_result_region_year_idx on procedure_result (region_id, procedure_type, year, subject, grade);
create index procedure_result_municipality_idx on procedure_result (municipality_id, year);
create index procedure_result_school_idx on procedure_result (school_id, procedure_type, year);

create table procedure_result_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    grade        int,
    subject      varchar(40),
    participants int,
    mark2        int,
    mark3        int,
    mark4        int,
    mark5        int,
    mean_score   numeric(6, 2),
    lowered      int,
    confirmed    int,
    raised       int,
    primary key (id, rev)
);
create index procedure_result_aud_rev_idx on procedure_result_aud (rev);

-- A region's thresholds of the rules that compute signs of non-objectivity and ШНОР candidates (one row per region;
-- a region without a row uses the defaults below, which the rules' page shows).
create table result_rule_setting (
    region_id                  bigint       primary key references org_unit (id),
    -- no rule judges a school's subject and grade with fewer participants than this
    min_participants           int          not null default 10 check (min_participants >= 1),
    -- signs: share of «5» at least this many times the region's share ...
    top_mark_factor            numeric(5, 2) not null default 2.00 check (top_mark_factor > 1),
    -- ... and at least this many percentage points above it
    top_mark_margin            numeric(5, 2) not null default 15.00 check (top_mark_margin >= 0),
    -- signs: share of «повысили» (the work's mark above the school's own) at least this
    raised_share               numeric(5, 2) not null default 20.00 check (raised_share > 0 and raised_share <= 100),
    -- signs: share of «понизили» at least this
    lowered_share              numeric(5, 2) not null default 50.00 check (lowered_share > 0 and lowered_share <= 100),
    -- signs: at a re-check, share of works whose expert mark differs from the school's at least this ...
    recheck_discrepancy_share  numeric(5, 2) not null default 30.00 check (recheck_discrepancy_share > 0 and recheck_discrepancy_share <= 100),
    -- ... over at least this many re-checked works
    recheck_min_works          int          not null default 5 check (recheck_min_works >= 1),
    -- signs: share of «4» and «5» changed against the previous year's same subject and grade by at least this (pp)
    year_jump                  numeric(5, 2) not null default 30.00 check (year_jump > 0 and year_jump <= 100),
    -- ШНОР: share of «2» in a subject (all grades of the year) at least this ...
    low_fail_share             numeric(5, 2) not null default 30.00 check (low_fail_share > 0 and low_fail_share <= 100),
    -- ... in at least this many subjects
    low_subjects               int          not null default 2 check (low_subjects >= 1),
    -- ШНОР: or among this share of the region's schools with the highest share of «2» (all subjects)
    low_bottom_share           numeric(5, 2) not null default 10.00 check (low_bottom_share >= 0 and low_bottom_share <= 100),
    -- ШНОР: either condition held this many years running (the year judged and the ones before it)
    low_years                  int          not null default 2 check (low_years between 1 and 5),
    updated_at                 timestamptz,
    updated_by                 varchar(100),
    version                    bigint       not null default 0
);

create table result_rule_setting_aud (
    region_id                 bigint not null,
    rev                       bigint not null references revinfo (rev),
    revtype                   smallint,
    min_participants          int,
    top_mark_factor           numeric(5, 2),
    top_mark_margin           numeric(5, 2),
    raised_share              numeric(5, 2),
    lowered_share             numeric(5, 2),
    recheck_discrepancy_share numeric(5, 2),
    recheck_min_works         int,
    year_jump                 numeric(5, 2),
    low_fail_share            numeric(5, 2),
    low_subjects              int,
    low_bottom_share          numeric(5, 2),
    low_years                 int,
    primary key (region_id, rev)
);
create index result_rule_setting_aud_rev_idx on result_rule_setting_aud (rev);

-- Regional staff's verdict on a school the rules put forward for a year's list (kind as in school_list_entry):
-- accepted puts the school on the list (school_list_entry, with the reasons as its basis), dismissed keeps it off;
-- each verdict has a comment, its history is audited.
create table list_candidate_review (
    id              bigserial primary key,
    region_id       bigint        not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    school_id       bigint        not null references org_unit (id),
    year            int           not null check (year between 2000 and 2100),
    kind            varchar(20)   not null check (kind in ('LOW_RESULTS', 'NON_OBJECTIVE')),
    verdict         varchar(20)   not null check (verdict in ('ACCEPTED', 'DISMISSED')),
    comment         varchar(2000) not null,
    -- the reasons as they read when the verdict was given
    reasons         text          not null,
    decided_at      timestamptz   not null,
    decided_by      varchar(100)  not null,
    version         bigint        not null default 0,
    constraint list_candidate_review_once unique (year, kind, school_id)
);
create index list_candidate_review_region_idx on list_candidate_review (region_id, year, kind);

create table list_candidate_review_aud (
    id         bigint not null,
    rev        bigint not null references revinfo (rev),
    revtype    smallint,
    verdict    varchar(20),
    comment    varchar(2000),
    reasons    text,
    primary key (id, rev)
);
create index list_candidate_review_aud_rev_idx on list_candidate_review_aud (rev);

-- A regional re-check (выборочная перепроверка) of a procedure's works in one subject and grade: a sample drawn by
-- a rule, works assigned to the subject commission's experts, their marks beside the school's.
create table recheck (
    id               bigserial primary key,
    region_id        bigint        not null references org_unit (id),
    procedure_id     bigint        not null references plan_procedure (id) on delete cascade,
    year             int           not null check (year between 2000 and 2100),
    subject          varchar(40)   not null,
    grade            int           not null check (grade between 1 and 11),
    -- RANDOM: schools drawn at random; SIGNS: schools with computed signs; LISTED: schools on the year's lists
    sample_rule      varchar(20)   not null check (sample_rule in ('RANDOM', 'SIGNS', 'LISTED')),
    schools_wanted   int           not null check (schools_wanted >= 1),
    works_per_school int           not null check (works_per_school >= 1),
    seed             bigint        not null,
    status           varchar(20)   not null check (status in ('OPEN', 'CLOSED')),
    created_at       timestamptz   not null default now(),
    created_by       varchar(100)  not null,
    version          bigint        not null default 0
);
create index recheck_region_idx on recheck (region_id, year);
create index recheck_procedure_idx on recheck (procedure_id);

create table recheck_aud (
    id       bigint not null,
    rev      bigint not null references revinfo (rev),
    revtype  smallint,
    status   varchar(20),
    primary key (id, rev)
);
create index recheck_aud_rev_idx on recheck_aud (rev);

-- The subject commission's experts of a re-check.
create table recheck_expert (
    id         bigserial primary key,
    recheck_id bigint       not null references recheck (id) on delete cascade,
    name       varchar(300) not null,
    position   varchar(500),
    version    bigint       not null default 0
);
create index recheck_expert_idx on recheck_expert (recheck_id);

-- One work of the sample: its code, the school's score and mark, the expert's.
create table recheck_work (
    id              bigserial primary key,
    recheck_id      bigint        not null references recheck (id) on delete cascade,
    school_id       bigint        not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    code            varchar(40)   not null,
    school_score    numeric(6, 2) check (school_score >= 0),
    school_mark     int check (school_mark between 2 and 5),
    expert_id       bigint references recheck_expert (id) on delete set null,
    expert_score    numeric(6, 2) check (expert_score >= 0),
    expert_mark     int check (expert_mark between 2 and 5),
    checked_at      timestamptz,
    checked_by      varchar(100),
    version         bigint        not null default 0,
    constraint recheck_work_once unique (recheck_id, code)
);
create index recheck_work_school_idx on recheck_work (school_id);
create index recheck_work_recheck_idx on recheck_work (recheck_id, school_id);

create table recheck_work_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    school_score numeric(6, 2),
    school_mark  int,
    expert_id    bigint,
    expert_score numeric(6, 2),
    expert_mark  int,
    primary key (id, rev)
);
create index recheck_work_aud_rev_idx on recheck_work_aud (rev);

-- A ШНОР school's support programme (программа антирисковых мер) of a year: its risk profile before and after,
-- and its measures, each tracked to its deadline like a decision.
create table support_programme (
    id              bigserial primary key,
    region_id       bigint        not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    school_id       bigint        not null references org_unit (id),
    year            int           not null check (year between 2000 and 2100),
    title           varchar(1000) not null,
    goal            text,
    status          varchar(20)   not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    approved_on     date,
    closed_on       date,
    conclusion      text,
    created_at      timestamptz   not null default now(),
    created_by      varchar(100)  not null,
    updated_at      timestamptz,
    updated_by      varchar(100),
    version         bigint        not null default 0,
    constraint support_programme_once unique (school_id, year)
);
create index support_programme_region_idx on support_programme (region_id, year);
create index support_programme_municipality_idx on support_programme (municipality_id, year);

create table support_programme_aud (
    id          bigint not null,
    rev         bigint not null references revinfo (rev),
    revtype     smallint,
    title       varchar(1000),
    goal        text,
    status      varchar(20),
    approved_on date,
    closed_on   date,
    conclusion  text,
    primary key (id, rev)
);
create index support_programme_aud_rev_idx on support_programme_aud (rev);

-- The risk profile: each risk factor of the programme with its level when the programme began and when assessed again.
create table support_risk (
    id           bigserial primary key,
    programme_id bigint       not null references support_programme (id) on delete cascade,
    factor       varchar(40)  not null,
    level_before varchar(10)  not null check (level_before in ('HIGH', 'MEDIUM', 'LOW')),
    level_after  varchar(10) check (level_after in ('HIGH', 'MEDIUM', 'LOW')),
    note         varchar(2000),
    version      bigint       not null default 0,
    constraint support_risk_once unique (programme_id, factor)
);

create table support_risk_aud (
    id           bigint not null,
    rev          bigint not null references revinfo (rev),
    revtype      smallint,
    factor       varchar(40),
    level_before varchar(10),
    level_after  varchar(10),
    note         varchar(2000),
    primary key (id, rev)
);
create index support_risk_aud_rev_idx on support_risk_aud (rev);

-- A measure of a programme: what, who, by when, and the school's report on it.
create table support_measure (
    id           bigserial primary key,
    programme_id bigint        not null references support_programme (id) on delete cascade,
    region_id    bigint        not null references org_unit (id),
    school_id    bigint        not null references org_unit (id),
    position     int           not null,
    risk_factor  varchar(40),
    text         varchar(2000) not null,
    responsible  varchar(500)  not null,
    due_on       date          not null,
    status       varchar(20)   not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    done_on      date,
    report       text,
    reported_at  timestamptz,
    reported_by  varchar(100),
    version      bigint        not null default 0,
    constraint support_measure_done check (status <> 'DONE' or done_on is not null)
);
create index support_measure_programme_idx on support_measure (programme_id, position);
-- the reminders' and the overdue lists' read: open measures by due date
create index support_measure_due_idx on support_measure (region_id, due_on) where status in ('PLANNED', 'IN_PROGRESS');

create table support_measure_aud (
    id          bigint not null,
    rev         bigint not null references revinfo (rev),
    revtype     smallint,
    position    int,
    risk_factor varchar(40),
    text        varchar(2000),
    responsible varchar(500),
    due_on      date,
    status      varchar(20),
    done_on     date,
    report      text,
    primary key (id, rev)
);
create index support_measure_aud_rev_idx on support_measure_aud (rev);
