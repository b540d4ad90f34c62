-- Pupils per grade of each school and school year, kept by the directory (issue 13): entered once — on the school's
-- card, by the directory's workbook, or as participation in a procedure is entered — and prefilled wherever a form or
-- template asks for them. The school year is written as people write it, «2026-2027».
create table directory_grade_pupils (
    id              bigserial primary key,
    school_id       bigint       not null references org_unit (id),
    -- the school's place, kept for reads by region or municipality and year (moved with the school)
    region_id       bigint       not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    school_year     varchar(9)   not null,
    grade           int          not null check (grade between 1 and 11),
    pupils          int          not null check (pupils between 0 and 10000),
    updated_at      timestamptz  not null default now(),
    updated_by      varchar(100) not null,
    version         bigint       not null default 0,
    constraint directory_grade_pupils_year check (school_year ~ '^[0-9]{4}-[0-9]{4}$'
        and substr(school_year, 6, 4)::int = substr(school_year, 1, 4)::int + 1),
    constraint directory_grade_pupils_once unique (school_id, school_year, grade)
);

create index directory_grade_pupils_region_idx on directory_grade_pupils (region_id, school_year);
create index directory_grade_pupils_municipality_idx on directory_grade_pupils (municipality_id, school_year);

-- Envers history: who changed which grade's figure when (written in batches by the directory, like participation's).
create table directory_grade_pupils_aud (
    id          bigint   not null,
    rev         bigint   not null references revinfo (rev),
    revtype     smallint,
    school_id   bigint,
    school_year varchar(9),
    grade       int,
    pupils      int,
    primary key (id, rev)
);

create index directory_grade_pupils_aud_rev_idx on directory_grade_pupils_aud (rev);
create index directory_grade_pupils_aud_school_idx on directory_grade_pupils_aud (school_id, school_year);
