-- Each submission's points per direction, kept by the database as values are written, so that a campaign's results
-- (and the dashboards' levels and trends over several campaigns) add up a few rows per school instead of every
-- value: 2,000 schools × 189 indicators are 378,000 values a campaign, 12,000 scores.
create table vsoko_direction_score (
    submission_id bigint         not null references vsoko_submission (id) on delete cascade,
    direction_id  bigint         not null references vsoko_direction (id) on delete cascade,
    earned        numeric(14, 2) not null,
    primary key (submission_id, direction_id)
);

create index vsoko_direction_score_direction_idx on vsoko_direction_score (direction_id);

insert into vsoko_direction_score (submission_id, direction_id, earned)
select v.submission_id, i.direction_id, sum(v.points)
from vsoko_value v
join vsoko_indicator i on i.id = v.indicator_id
group by v.submission_id, i.direction_id;

-- values written: their points added (one statement of many rows, e.g. an import, is one upsert)
create function vsoko_direction_score_add() returns trigger language plpgsql as
$$
begin
    insert into vsoko_direction_score as d (submission_id, direction_id, earned)
    select n.submission_id, i.direction_id, sum(n.points)
    from added n
    join vsoko_indicator i on i.id = n.indicator_id
    group by n.submission_id, i.direction_id
    on conflict (submission_id, direction_id) do update set earned = d.earned + excluded.earned;
    return null;
end
$$;

-- values changed: the old points out, the new ones in
create function vsoko_direction_score_change() returns trigger language plpgsql as
$$
begin
    insert into vsoko_direction_score as d (submission_id, direction_id, earned)
    select x.submission_id, x.direction_id, sum(x.points)
    from (select n.submission_id, i.direction_id, n.points
          from added n join vsoko_indicator i on i.id = n.indicator_id
          union all
          select o.submission_id, i.direction_id, -o.points
          from removed o join vsoko_indicator i on i.id = o.indicator_id) x
    group by x.submission_id, x.direction_id
    on conflict (submission_id, direction_id) do update set earned = d.earned + excluded.earned;
    return null;
end
$$;

-- values removed: their points out (a removed submission or direction takes its scores with it)
create function vsoko_direction_score_remove() returns trigger language plpgsql as
$$
begin
    update vsoko_direction_score d
    set earned = d.earned - r.points
    from (select o.submission_id, i.direction_id, sum(o.points) as points
          from removed o join vsoko_indicator i on i.id = o.indicator_id
          group by o.submission_id, i.direction_id) r
    where d.submission_id = r.submission_id and d.direction_id = r.direction_id;
    return null;
end
$$;

-- an indicator removed or moved to another direction: its directions' scores counted afresh from the values
create function vsoko_direction_score_recount(directions bigint[]) returns void language sql as
$$
delete from vsoko_direction_score where direction_id = any (directions);
insert into vsoko_direction_score (submission_id, direction_id, earned)
select v.submission_id, i.direction_id, sum(v.points)
from vsoko_value v
join vsoko_indicator i on i.id = v.indicator_id
where i.direction_id = any (directions)
group by v.submission_id, i.direction_id;
$$;

create function vsoko_direction_score_indicator_removed() returns trigger language plpgsql as
$$
begin
    perform vsoko_direction_score_recount(array(select distinct direction_id from removed));
    return null;
end
$$;

create function vsoko_direction_score_indicator_moved() returns trigger language plpgsql as
$$
begin
    perform vsoko_direction_score_recount(array(
            select o.direction_id from removed o join added n on n.id = o.id where n.direction_id <> o.direction_id
            union
            select n.direction_id from removed o join added n on n.id = o.id where n.direction_id <> o.direction_id));
    return null;
end
$$;

create trigger vsoko_value_added after insert on vsoko_value
    referencing new table as added for each statement execute function vsoko_direction_score_add();
create trigger vsoko_value_changed after update on vsoko_value
    referencing old table as removed new table as added for each statement execute function vsoko_direction_score_change();
create trigger vsoko_value_removed after delete on vsoko_value
    referencing old table as removed for each statement execute function vsoko_direction_score_remove();
create trigger vsoko_indicator_removed after delete on vsoko_indicator
    referencing old table as removed for each statement execute function vsoko_direction_score_indicator_removed();
create trigger vsoko_indicator_moved after update on vsoko_indicator
    referencing old table as removed new table as added for each statement execute function vsoko_direction_score_indicator_moved();
