-- The directory's search matches a typed text against an organisation's name and short name (trigram indexes on
-- rsoko_fold(...), V14) or its INN. PostgreSQL combines the three only when each has an index (a BitmapOr); without one
-- on INN every search read the whole table (issue 14: 60 ms at 40,000 schools).
create index org_unit_inn_idx on org_unit (inn);
