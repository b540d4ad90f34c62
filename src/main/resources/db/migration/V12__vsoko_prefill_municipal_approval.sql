-- Ask once, sign off once.
-- A value copied from the school's earlier answer keeps the campaign it came from until the person confirms or
-- changes it; a self-assessment with such values is not complete.
alter table vsoko_value add column prefilled_from bigint references vsoko_campaign (id) on delete set null;

-- A campaign may put the municipality's approval between a school's hand-in and the region's acceptance.
alter table vsoko_campaign add column municipal_approval boolean not null default false;
alter table vsoko_campaign_aud add column municipal_approval boolean;

alter table vsoko_submission drop constraint vsoko_submission_status_check;
alter table vsoko_submission add constraint vsoko_submission_status_check
    check (status in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'RETURNED', 'ACCEPTED'));
alter table vsoko_submission add column approved_at timestamptz;
alter table vsoko_submission add column approved_by varchar(100);

-- earlier answers of one school, newest campaign first, for prefilling
create index vsoko_submission_school_campaign_idx on vsoko_submission (school_id, campaign_id);
