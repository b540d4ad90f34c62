-- Searches treat «ё» as «е» (and ignore case): «берез» finds «Берёзовская СОШ», «Бёрёз» finds «Березовка».
-- rsoko_fold is applied to both sides of every search comparison; the indexes below are on the folded columns,
-- so a search stays an index scan. pg_trgm (a trusted contrib extension, shipped with the embedded PostgreSQL and the
-- official image) lets a GIN index serve the «contains» searches (like '%…%').
create extension if not exists pg_trgm;

create function rsoko_fold(text) returns text
    language sql
    immutable
    strict
    parallel safe
as
$$
select translate(lower($1), 'ёЁ', 'ее')
$$;

create index org_unit_name_fold_trgm_idx on org_unit using gin (rsoko_fold(name) gin_trgm_ops);
create index org_unit_short_name_fold_trgm_idx on org_unit using gin (rsoko_fold(short_name) gin_trgm_ops);
create index user_account_full_name_fold_trgm_idx on user_account using gin (rsoko_fold(full_name) gin_trgm_ops);
create index user_account_username_fold_trgm_idx on user_account using gin (rsoko_fold(username) gin_trgm_ops);
create index meeting_title_fold_trgm_idx on meeting using gin (rsoko_fold(title) gin_trgm_ops);
create index decision_text_fold_trgm_idx on decision using gin (rsoko_fold(text) gin_trgm_ops);
