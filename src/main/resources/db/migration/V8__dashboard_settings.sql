-- The thresholds of a region's dashboard (red / amber / green) and the rules of a school's risk level with their
-- weights. One row per region; a region without a row works with the defaults below.
create table dashboard_settings (
    region_id                  bigint primary key references org_unit (id),
    formed_green               numeric(5, 1) not null default 75 check (formed_green between 0 and 100),
    formed_red                 numeric(5, 1) not null default 50 check (formed_red between 0 and 100),
    overdue_green              numeric(5, 1) not null default 5 check (overdue_green between 0 and 100),
    overdue_red                numeric(5, 1) not null default 20 check (overdue_red between 0 and 100),
    coverage_amber_gap         numeric(5, 1) not null default 5 check (coverage_amber_gap between 0 and 100),
    risk_green                 numeric(5, 1) not null default 10 check (risk_green between 0 and 100),
    risk_red                   numeric(5, 1) not null default 25 check (risk_red between 0 and 100),
    weight_vsoko_not_formed    int not null default 3 check (weight_vsoko_not_formed between 0 and 100),
    weight_vsoko_partial       int not null default 1 check (weight_vsoko_partial between 0 and 100),
    weight_vsoko_not_submitted int not null default 2 check (weight_vsoko_not_submitted between 0 and 100),
    weight_overdue             int not null default 1 check (weight_overdue between 0 and 100),
    overdue_cap                int not null default 3 check (overdue_cap between 1 and 100),
    weight_low_results         int not null default 2 check (weight_low_results between 0 and 100),
    weight_non_objective       int not null default 2 check (weight_non_objective between 0 and 100),
    weight_under_target        int not null default 1 check (weight_under_target between 0 and 100),
    weight_no_observers        int not null default 1 check (weight_no_observers between 0 and 100),
    lookback_years             int not null default 2 check (lookback_years between 1 and 10),
    medium_from                int not null default 2 check (medium_from >= 1),
    high_from                  int not null default 5 check (high_from >= 1),
    updated_at                 timestamptz,
    updated_by                 varchar(100),
    version                    bigint not null default 0,
    constraint dashboard_settings_formed check (formed_red <= formed_green),
    constraint dashboard_settings_overdue check (overdue_green <= overdue_red),
    constraint dashboard_settings_risk check (risk_green <= risk_red),
    constraint dashboard_settings_levels check (medium_from < high_from)
);

create table dashboard_settings_aud (
    region_id                  bigint not null,
    rev                        bigint not null references revinfo (rev),
    revtype                    smallint,
    formed_green               numeric(5, 1),
    formed_red                 numeric(5, 1),
    overdue_green              numeric(5, 1),
    overdue_red                numeric(5, 1),
    coverage_amber_gap         numeric(5, 1),
    risk_green                 numeric(5, 1),
    risk_red                   numeric(5, 1),
    weight_vsoko_not_formed    int,
    weight_vsoko_partial       int,
    weight_vsoko_not_submitted int,
    weight_overdue             int,
    overdue_cap                int,
    weight_low_results         int,
    weight_non_objective       int,
    weight_under_target        int,
    weight_no_observers        int,
    lookback_years             int,
    medium_from                int,
    high_from                  int,
    primary key (region_id, rev)
);

create index dashboard_settings_aud_rev_idx on dashboard_settings_aud (rev);
