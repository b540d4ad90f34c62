-- The history of a year's list names the school of every added or removed entry and is read per region:
-- V4's audit table kept neither, so a removed entry could not say which school left the list.
alter table school_list_entry_aud add column region_id bigint;
alter table school_list_entry_aud add column school_id bigint;

create index school_list_entry_aud_list_idx on school_list_entry_aud (region_id, year, kind);
