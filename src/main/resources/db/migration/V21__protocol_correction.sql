-- Issue 16: what a person corrected in an imported protocol's draft before creating the meeting, kept beside the text
-- the draft was read from, so that the protocol corpus can grow from real use. The facts (as parsed, as confirmed)
-- are in the corpus's format (src/test/resources/protocols/corpus/README.md); differences lists the facts that
-- differ ({"fact": kind, "where": decision number or speaker}). Written in the transaction that creates the meeting;
-- the meeting may be deleted later, the correction stays. Protocols hold personal data: an administrator deletes a row.
create table protocol_correction (
    id              bigserial    primary key,
    region_id       bigint       not null references org_unit (id),
    municipality_id bigint references org_unit (id),
    account_id      bigint,
    author          varchar(300) not null,
    created_at      timestamptz  not null,
    meeting_id      bigint references meeting (id) on delete set null,
    source_text     text         not null,
    parsed          jsonb        not null,
    confirmed       jsonb        not null,
    differences     jsonb        not null
);

-- a region's list, newest first
create index protocol_correction_region_idx on protocol_correction (region_id, created_at desc, id desc);
-- the deployment administrator's list of every region
create index protocol_correction_created_idx on protocol_correction (created_at desc, id desc);
create index protocol_correction_meeting_idx on protocol_correction (meeting_id);
