-- Figures kept ready (issue 14): execution counts per organisation, per decision × municipality and per municipality;
-- participation sums per procedure and school; each ВСОКО submission's points on the indicators it shares with the
-- campaign it is compared with. Like vsoko_direction_score (V9) they are kept by the database in the statement that
-- writes the records (row-by-row saves, batches and COPY alike), as additions and subtractions, so that two
-- transactions writing at once both count (an upsert's "n = n + excluded.n" commutes). A dashboard or result reads a
-- few rows per municipality or school instead of every record.
--
-- Each table has a view "<table>_fresh" computing the same rows from the records: rsoko_rebuild_summaries() compares
-- and replaces, and the tests check that what was kept equals what is computed. Rows whose count fell to zero stay
-- (they add nothing); a rebuild drops them.

-- ------------------------------------------------------------------------------------------------ executions
-- "Overdue" depends on today in the record's region, so the tallies keep the due date and the status: a reader adds
-- up "due_date < today and (recurring or not finished)" over a few rows.

create table execution_tally_org (
    org_unit_id     bigint      not null,
    region_id       bigint      not null,
    municipality_id bigint,
    status          varchar(20) not null,
    recurring       boolean     not null,
    due_date        date,
    n               bigint      not null,
    constraint execution_tally_org_key unique nulls not distinct (org_unit_id, region_id, municipality_id, status, recurring, due_date)
);
create index execution_tally_org_region_idx on execution_tally_org (region_id, municipality_id);
create index execution_tally_org_municipality_idx on execution_tally_org (municipality_id);

create table execution_tally_decision (
    decision_id     bigint      not null,
    meeting_id      bigint      not null,
    region_id       bigint      not null,
    municipality_id bigint,
    status          varchar(20) not null,
    recurring       boolean     not null,
    due_date        date,
    n               bigint      not null,
    constraint execution_tally_decision_key unique nulls not distinct (decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date)
);
create index execution_tally_decision_meeting_idx on execution_tally_decision (meeting_id, municipality_id);

create table execution_tally_municipality (
    region_id       bigint      not null,
    municipality_id bigint,
    status          varchar(20) not null,
    recurring       boolean     not null,
    due_date        date,
    n               bigint      not null,
    constraint execution_tally_municipality_key unique nulls not distinct (region_id, municipality_id, status, recurring, due_date)
);
create index execution_tally_municipality_idx on execution_tally_municipality (municipality_id);

create view execution_tally_org_fresh as
select org_unit_id, region_id, municipality_id, status, recurring, due_date, count(*) as n
from execution group by org_unit_id, region_id, municipality_id, status, recurring, due_date;

create view execution_tally_decision_fresh as
select decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date, count(*) as n
from execution group by decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date;

create view execution_tally_municipality_fresh as
select region_id, municipality_id, status, recurring, due_date, count(*) as n
from execution group by region_id, municipality_id, status, recurring, due_date;

insert into execution_tally_org select * from execution_tally_org_fresh;
insert into execution_tally_decision select * from execution_tally_decision_fresh;
insert into execution_tally_municipality select * from execution_tally_municipality_fresh;

-- Adds the signed counts of a change ("delta": the records written with +1, the records replaced with −1) to the three
-- tallies, in key order so that two transactions lock the same rows in the same order. A trigger cannot pass its
-- transition tables on, so each of the three triggers below builds the delta and hands it over as arrays.
create function execution_tally_apply(d_org bigint[], d_region bigint[], d_municipality bigint[], d_decision bigint[],
                                      d_meeting bigint[], d_status text[], d_recurring boolean[], d_due date[],
                                      d_n bigint[]) returns void
    language sql as
$$
with d as (select * from unnest(d_org, d_region, d_municipality, d_decision, d_meeting, d_status, d_recurring, d_due, d_n)
                             as x(org_unit_id, region_id, municipality_id, decision_id, meeting_id, status, recurring, due_date, n))
insert into execution_tally_org as t (org_unit_id, region_id, municipality_id, status, recurring, due_date, n)
select org_unit_id, region_id, municipality_id, status, recurring, due_date, sum(n)
from d group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0 order by 1, 2, 3, 4, 5, 6
on conflict on constraint execution_tally_org_key do update set n = t.n + excluded.n;

with d as (select * from unnest(d_org, d_region, d_municipality, d_decision, d_meeting, d_status, d_recurring, d_due, d_n)
                             as x(org_unit_id, region_id, municipality_id, decision_id, meeting_id, status, recurring, due_date, n))
insert into execution_tally_decision as t (decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date, n)
select decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date, sum(n)
from d group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0 order by 1, 2, 3, 4, 5, 6, 7
on conflict on constraint execution_tally_decision_key do update set n = t.n + excluded.n;

with d as (select * from unnest(d_org, d_region, d_municipality, d_decision, d_meeting, d_status, d_recurring, d_due, d_n)
                             as x(org_unit_id, region_id, municipality_id, decision_id, meeting_id, status, recurring, due_date, n))
insert into execution_tally_municipality as t (region_id, municipality_id, status, recurring, due_date, n)
select region_id, municipality_id, status, recurring, due_date, sum(n)
from d group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5
on conflict on constraint execution_tally_municipality_key do update set n = t.n + excluded.n;
$$;

create function execution_tally_added() returns trigger language plpgsql as
$$
begin
    perform execution_tally_apply(array_agg(org_unit_id), array_agg(region_id), array_agg(municipality_id),
                                  array_agg(decision_id), array_agg(meeting_id), array_agg(status::text),
                                  array_agg(recurring), array_agg(due_date), array_agg(1::bigint))
    from (select org_unit_id, region_id, municipality_id, decision_id, meeting_id, status, recurring, due_date
          from added) a
    having count(*) > 0;
    return null;
end
$$;

create function execution_tally_changed() returns trigger language plpgsql as
$$
begin
    -- only the records whose counted columns changed (a report's text changes nothing here)
    perform execution_tally_apply(array_agg(org_unit_id), array_agg(region_id), array_agg(municipality_id),
                                  array_agg(decision_id), array_agg(meeting_id), array_agg(status::text),
                                  array_agg(recurring), array_agg(due_date), array_agg(n))
    from (select a.org_unit_id, a.region_id, a.municipality_id, a.decision_id, a.meeting_id, a.status, a.recurring,
                 a.due_date, 1::bigint as n
          from added a join removed r on r.id = a.id
          where (a.org_unit_id, a.region_id, a.municipality_id, a.decision_id, a.meeting_id, a.status, a.recurring, a.due_date)
                    is distinct from
                (r.org_unit_id, r.region_id, r.municipality_id, r.decision_id, r.meeting_id, r.status, r.recurring, r.due_date)
          union all
          select r.org_unit_id, r.region_id, r.municipality_id, r.decision_id, r.meeting_id, r.status, r.recurring,
                 r.due_date, -1::bigint
          from added a join removed r on r.id = a.id
          where (a.org_unit_id, a.region_id, a.municipality_id, a.decision_id, a.meeting_id, a.status, a.recurring, a.due_date)
                    is distinct from
                (r.org_unit_id, r.region_id, r.municipality_id, r.decision_id, r.meeting_id, r.status, r.recurring, r.due_date)) c
    having count(*) > 0;
    return null;
end
$$;

create function execution_tally_removed() returns trigger language plpgsql as
$$
begin
    perform execution_tally_apply(array_agg(org_unit_id), array_agg(region_id), array_agg(municipality_id),
                                  array_agg(decision_id), array_agg(meeting_id), array_agg(status::text),
                                  array_agg(recurring), array_agg(due_date), array_agg(-1::bigint))
    from (select org_unit_id, region_id, municipality_id, decision_id, meeting_id, status, recurring, due_date
          from removed) r
    having count(*) > 0;
    return null;
end
$$;

create trigger execution_tally_added after insert on execution
    referencing new table as added for each statement execute function execution_tally_added();
create trigger execution_tally_changed after update on execution
    referencing old table as removed new table as added for each statement execute function execution_tally_changed();
create trigger execution_tally_removed after delete on execution
    referencing old table as removed for each statement execute function execution_tally_removed();

-- ------------------------------------------------------------------------------------------------ participation
-- Per procedure and school: the sums of its grade rows. A school has at most one row per grade, so the grades present
-- are kept as a sum of bits (1 << grade), which adds and subtracts like the counts.

create table participation_tally (
    procedure_id  bigint not null references plan_procedure (id) on delete cascade,
    school_id     bigint not null,
    pupils        bigint not null,
    participants  bigint not null,
    rows          bigint not null,
    grade_bits    bigint not null,
    observer_rows bigint not null,
    primary key (procedure_id, school_id)
);

create view participation_tally_fresh as
select procedure_id, school_id, sum(pupils)::bigint as pupils, sum(participants)::bigint as participants,
       count(*) as rows, sum(1::bigint << grade)::bigint as grade_bits, count(*) filter (where observers) as observer_rows
from participation group by procedure_id, school_id;

insert into participation_tally select * from participation_tally_fresh;

create function participation_tally_apply(d_procedure bigint[], d_school bigint[], d_pupils bigint[],
                                          d_participants bigint[], d_rows bigint[], d_bits bigint[],
                                          d_observers bigint[]) returns void
    language sql as
$$
insert into participation_tally as t (procedure_id, school_id, pupils, participants, rows, grade_bits, observer_rows)
select procedure_id, school_id, sum(pupils), sum(participants), sum(rows), sum(bits), sum(observers)
from unnest(d_procedure, d_school, d_pupils, d_participants, d_rows, d_bits, d_observers)
         as x(procedure_id, school_id, pupils, participants, rows, bits, observers)
group by 1, 2 order by 1, 2
on conflict (procedure_id, school_id) do update
    set pupils = t.pupils + excluded.pupils, participants = t.participants + excluded.participants,
        rows = t.rows + excluded.rows, grade_bits = t.grade_bits + excluded.grade_bits,
        observer_rows = t.observer_rows + excluded.observer_rows;
$$;

create function participation_tally_added() returns trigger language plpgsql as
$$
begin
    perform participation_tally_apply(array_agg(procedure_id), array_agg(school_id), array_agg(pupils::bigint),
                                      array_agg(participants::bigint), array_agg(1::bigint),
                                      array_agg(1::bigint << grade), array_agg(case when observers then 1::bigint else 0 end))
    from added having count(*) > 0;
    return null;
end
$$;

create function participation_tally_changed() returns trigger language plpgsql as
$$
begin
    perform participation_tally_apply(array_agg(procedure_id), array_agg(school_id), array_agg(pupils),
                                      array_agg(participants), array_agg(rows), array_agg(bits), array_agg(observers))
    from (select a.procedure_id, a.school_id, a.pupils::bigint as pupils, a.participants::bigint as participants,
                 1::bigint as rows, 1::bigint << a.grade as bits, case when a.observers then 1::bigint else 0 end as observers
          from added a
          union all
          select r.procedure_id, r.school_id, -r.pupils::bigint, -r.participants::bigint, -1::bigint,
                 -(1::bigint << r.grade), case when r.observers then -1::bigint else 0 end
          from removed r) c
    having count(*) > 0;
    return null;
end
$$;

-- removed rows: subtracted from tallies that still exist (a removed procedure takes its tally with it)
create function participation_tally_removed() returns trigger language plpgsql as
$$
begin
    update participation_tally t
    set pupils = t.pupils - r.pupils, participants = t.participants - r.participants, rows = t.rows - r.rows,
        grade_bits = t.grade_bits - r.bits, observer_rows = t.observer_rows - r.observers
    from (select procedure_id, school_id, sum(pupils)::bigint as pupils, sum(participants)::bigint as participants,
                 count(*) as rows, sum(1::bigint << grade)::bigint as bits,
                 count(*) filter (where observers) as observers
          from removed group by procedure_id, school_id) r
    where t.procedure_id = r.procedure_id and t.school_id = r.school_id;
    return null;
end
$$;

create trigger participation_tally_added after insert on participation
    referencing new table as added for each statement execute function participation_tally_added();
create trigger participation_tally_changed after update on participation
    referencing old table as removed new table as added for each statement execute function participation_tally_changed();
create trigger participation_tally_removed after delete on participation
    referencing old table as removed for each statement execute function participation_tally_removed();

-- ------------------------------------------------------------------------------------------------ ВСОКО comparison
-- A campaign compared with its previous one (previous_id) compares the indicators of the same code (trimmed, any
-- case). Each submission keeps its points on the indicators it shares with each campaign it is paired with: the
-- previous one, and any campaign that names its campaign as previous.

create index vsoko_campaign_previous_idx on vsoko_campaign (previous_id);
create index vsoko_indicator_framework_code_idx on vsoko_indicator (framework_id, (lower(btrim(code))));

create table vsoko_matched_score (
    submission_id    bigint         not null references vsoko_submission (id) on delete cascade,
    pair_campaign_id bigint         not null references vsoko_campaign (id) on delete cascade,
    earned           numeric(14, 2) not null,
    primary key (submission_id, pair_campaign_id)
);
create index vsoko_matched_score_pair_idx on vsoko_matched_score (pair_campaign_id);

-- the campaigns a campaign is paired with
create function vsoko_pairs(campaign bigint) returns setof bigint language sql stable as
$$
select previous_id from vsoko_campaign where id = campaign and previous_id is not null
union
select id from vsoko_campaign where previous_id = campaign
$$;

create view vsoko_matched_score_fresh as
select s.id as submission_id, pair.pair_campaign_id, coalesce(sum(v.points), 0)::numeric(14, 2) as earned
from vsoko_submission s
cross join lateral (select p as pair_campaign_id from vsoko_pairs(s.campaign_id) p) pair
join vsoko_campaign pc on pc.id = pair.pair_campaign_id
left join (vsoko_value v join vsoko_indicator i on i.id = v.indicator_id)
          on v.submission_id = s.id
              and exists (select 1 from vsoko_indicator o
                          where o.framework_id = pc.framework_id and lower(btrim(o.code)) = lower(btrim(i.code)))
group by s.id, pair.pair_campaign_id;

insert into vsoko_matched_score select * from vsoko_matched_score_fresh;

-- the pairs of the campaigns of the given submissions, found once per statement (not once per value)
create function vsoko_submission_pairs(submissions bigint[])
    returns table (submission_id bigint, pair_campaign_id bigint, pair_framework_id bigint) language sql stable as
$$
select s.id, p.id, p.framework_id
from vsoko_submission s
join vsoko_campaign c on c.id = s.campaign_id
join vsoko_campaign p on p.id = c.previous_id or p.previous_id = c.id
where s.id = any (submissions)
$$;

-- the signed points of written values (+) and replaced ones (−), added to their submissions' pairs
create function vsoko_matched_apply(d_submission bigint[], d_indicator bigint[], d_points numeric[]) returns void
    language sql as
$$
insert into vsoko_matched_score as t (submission_id, pair_campaign_id, earned)
select x.submission_id, pr.pair_campaign_id, sum(x.points)
from unnest(d_submission, d_indicator, d_points) as x(submission_id, indicator_id, points)
join vsoko_submission_pairs(array(select distinct u from unnest(d_submission) u)) pr on pr.submission_id = x.submission_id
join vsoko_indicator i on i.id = x.indicator_id
where exists (select 1 from vsoko_indicator o
              where o.framework_id = pr.pair_framework_id and lower(btrim(o.code)) = lower(btrim(i.code)))
group by 1, 2 order by 1, 2
on conflict (submission_id, pair_campaign_id) do update set earned = t.earned + excluded.earned;
$$;

create function vsoko_matched_added() returns trigger language plpgsql as
$$
begin
    perform vsoko_matched_apply(array_agg(submission_id), array_agg(indicator_id), array_agg(points::numeric))
    from added having count(*) > 0;
    return null;
end
$$;

create function vsoko_matched_changed() returns trigger language plpgsql as
$$
begin
    perform vsoko_matched_apply(array_agg(submission_id), array_agg(indicator_id), array_agg(points))
    from (select a.submission_id, a.indicator_id, a.points::numeric as points
          from added a join removed r on r.id = a.id
          where a.points is distinct from r.points or a.indicator_id <> r.indicator_id
             or a.submission_id <> r.submission_id
          union all
          select r.submission_id, r.indicator_id, -r.points::numeric
          from added a join removed r on r.id = a.id
          where a.points is distinct from r.points or a.indicator_id <> r.indicator_id
             or a.submission_id <> r.submission_id) c
    having count(*) > 0;
    return null;
end
$$;

-- removed values: subtracted from the rows that still exist (a removed submission takes its rows with it)
create function vsoko_matched_removed() returns trigger language plpgsql as
$$
begin
    update vsoko_matched_score t
    set earned = t.earned - r.points
    from (select o.submission_id, pr.pair_campaign_id, sum(o.points) as points
          from removed o
          join vsoko_submission_pairs(array(select distinct submission_id from removed)) pr
               on pr.submission_id = o.submission_id
          join vsoko_indicator i on i.id = o.indicator_id
          where exists (select 1 from vsoko_indicator x
                        where x.framework_id = pr.pair_framework_id and lower(btrim(x.code)) = lower(btrim(i.code)))
          group by 1, 2) r
    where t.submission_id = r.submission_id and t.pair_campaign_id = r.pair_campaign_id;
    return null;
end
$$;

create trigger vsoko_value_matched_added after insert on vsoko_value
    referencing new table as added for each statement execute function vsoko_matched_added();
create trigger vsoko_value_matched_changed after update on vsoko_value
    referencing old table as removed new table as added for each statement execute function vsoko_matched_changed();
create trigger vsoko_value_matched_removed after delete on vsoko_value
    referencing old table as removed for each statement execute function vsoko_matched_removed();

-- The pairing itself changed (a campaign created or given another previous campaign or framework; an indicator added,
-- removed or given another code): the submissions concerned are counted afresh against the pairs concerned. These are
-- rare editing steps of regional staff, not the daily writes.

-- the submissions of each campaign a[i] against the campaign b[i], where the two are (still) paired
create function vsoko_matched_recount_pairs(a bigint[], b bigint[]) returns void language sql as
$$
delete from vsoko_matched_score t
using vsoko_submission s, unnest(a, b) as x(campaign_id, pair_id)
where s.campaign_id = x.campaign_id and t.submission_id = s.id and t.pair_campaign_id = x.pair_id;
insert into vsoko_matched_score (submission_id, pair_campaign_id, earned)
select s.id, p.id, sum(v.points)
from (select distinct * from unnest(a, b)) as x(campaign_id, pair_id)
join vsoko_campaign c on c.id = x.campaign_id
join vsoko_campaign p on p.id = x.pair_id and (p.id = c.previous_id or p.previous_id = c.id)
join vsoko_submission s on s.campaign_id = c.id
join vsoko_value v on v.submission_id = s.id
join vsoko_indicator i on i.id = v.indicator_id
where exists (select 1 from vsoko_indicator o
              where o.framework_id = p.framework_id and lower(btrim(o.code)) = lower(btrim(i.code)))
group by 1, 2 order by 1, 2;
$$;

-- the submissions of the campaigns against all their pairs
create function vsoko_matched_recount(campaigns bigint[]) returns void language sql as
$$
select vsoko_matched_recount_pairs(array_agg(c.id), array_agg(p.id))
from vsoko_campaign c
join vsoko_campaign p on p.id = c.previous_id or p.previous_id = c.id
where c.id = any (campaigns);
$$;

-- a campaign and each campaign it was or is paired with, both ways
create function vsoko_matched_campaign_changed() returns trigger language plpgsql as
$$
declare
    others bigint[] := array(
            select new.previous_id where new.previous_id is not null
            union select old.previous_id where tg_op = 'UPDATE' and old.previous_id is not null
            union select c.id from vsoko_campaign c where tg_op = 'UPDATE' and c.previous_id = new.id);
    mine bigint[] := array_fill(new.id, array [cardinality(others)]);
begin
    if cardinality(others) > 0 then
        perform vsoko_matched_recount_pairs(mine || others, others || mine);
    end if;
    return null;
end
$$;

create trigger vsoko_campaign_matched_added after insert on vsoko_campaign
    for each row when (new.previous_id is not null) execute function vsoko_matched_campaign_changed();
-- Hibernate names every column in its UPDATE: only a real change of the pairing counts afresh
create trigger vsoko_campaign_matched_changed after update of previous_id, framework_id on vsoko_campaign
    for each row when (old.previous_id is distinct from new.previous_id or old.framework_id is distinct from new.framework_id)
    execute function vsoko_matched_campaign_changed();

create function vsoko_matched_indicators_added() returns trigger language plpgsql as
$$
begin
    perform vsoko_matched_recount(array(
            select c.id from vsoko_campaign c where c.framework_id in (select framework_id from added)
            union
            select p from vsoko_campaign c cross join lateral vsoko_pairs(c.id) p
            where c.framework_id in (select framework_id from added)));
    return null;
end
$$;

create function vsoko_matched_indicators_removed() returns trigger language plpgsql as
$$
begin
    perform vsoko_matched_recount(array(
            select c.id from vsoko_campaign c where c.framework_id in (select framework_id from removed)
            union
            select p from vsoko_campaign c cross join lateral vsoko_pairs(c.id) p
            where c.framework_id in (select framework_id from removed)));
    return null;
end
$$;

create function vsoko_matched_indicators_recoded() returns trigger language plpgsql as
$$
begin
    perform vsoko_matched_recount(array(
            select c.id from vsoko_campaign c where c.framework_id in (
                select a.framework_id from added a join removed r on r.id = a.id
                where lower(btrim(a.code)) <> lower(btrim(r.code)) or a.framework_id <> r.framework_id
                union
                select r.framework_id from added a join removed r on r.id = a.id
                where lower(btrim(a.code)) <> lower(btrim(r.code)) or a.framework_id <> r.framework_id)
            union
            select p from vsoko_campaign c cross join lateral vsoko_pairs(c.id) p where c.framework_id in (
                select a.framework_id from added a join removed r on r.id = a.id
                where lower(btrim(a.code)) <> lower(btrim(r.code)) or a.framework_id <> r.framework_id
                union
                select r.framework_id from added a join removed r on r.id = a.id
                where lower(btrim(a.code)) <> lower(btrim(r.code)) or a.framework_id <> r.framework_id)));
    return null;
end
$$;

create trigger vsoko_indicator_matched_added after insert on vsoko_indicator
    referencing new table as added for each statement execute function vsoko_matched_indicators_added();
create trigger vsoko_indicator_matched_recoded after update on vsoko_indicator
    referencing old table as removed new table as added for each statement execute function vsoko_matched_indicators_recoded();
create trigger vsoko_indicator_matched_removed after delete on vsoko_indicator
    referencing old table as removed for each statement execute function vsoko_matched_indicators_removed();

-- ------------------------------------------------------------------------------------------------ direction scores
create view vsoko_direction_score_fresh as
select v.submission_id, i.direction_id, sum(v.points)::numeric(14, 2) as earned
from vsoko_value v join vsoko_indicator i on i.id = v.indicator_id
group by v.submission_id, i.direction_id;

-- ------------------------------------------------------------------------------------------------ rebuild
-- Counts every kept table afresh from the records: per table, how many rows it holds after the rebuild and how many
-- differed from what was kept (rows of zero, which add nothing, are compared as absent). Run by administrators
-- (POST /api/v1/admin/summaries/rebuild) or with psql: select * from rsoko_rebuild_summaries();
create function rsoko_rebuild_summaries()
    returns table (summary text, rows bigint, differing bigint)
    language plpgsql as
$$
declare
    t text;
    keys text;
    value_columns text;
    nonzero text;
    d bigint;
    r bigint;
begin
    for t, keys, value_columns, nonzero in values
        ('execution_tally_org', 'org_unit_id, region_id, municipality_id, status, recurring, due_date', 'n', 'n <> 0'),
        ('execution_tally_decision', 'decision_id, meeting_id, region_id, municipality_id, status, recurring, due_date', 'n', 'n <> 0'),
        ('execution_tally_municipality', 'region_id, municipality_id, status, recurring, due_date', 'n', 'n <> 0'),
        ('participation_tally', 'procedure_id, school_id', 'pupils, participants, rows, grade_bits, observer_rows', 'rows <> 0'),
        ('vsoko_direction_score', 'submission_id, direction_id', 'earned', 'earned <> 0'),
        ('vsoko_matched_score', 'submission_id, pair_campaign_id', 'earned', 'earned <> 0')
    loop
        -- lock out writers of the table for the rebuild's moment, so nothing is counted twice or lost
        execute format('lock table %I in share row exclusive mode', t);
        execute format('select count(*) from ((select %2$s, %3$s from %1$I where %4$s except select %2$s, %3$s from %1$I_fresh where %4$s)
                                              union all
                                              (select %2$s, %3$s from %1$I_fresh where %4$s except select %2$s, %3$s from %1$I where %4$s)) x',
                       t, keys, value_columns, nonzero) into d;
        execute format('delete from %I', t);
        execute format('insert into %1$I (%2$s, %3$s) select %2$s, %3$s from %1$I_fresh', t, keys, value_columns);
        get diagnostics r = row_count;
        summary := t;
        rows := r;
        differing := d;
        return next;
    end loop;
end
$$;
