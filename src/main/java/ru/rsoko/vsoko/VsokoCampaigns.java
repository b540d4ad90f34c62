package ru.rsoko.vsoko;

import java.util.List;

/** What other modules ask of ВСОКО campaigns: a region's campaigns, e.g. for linking a procedure of the plan-schedule. */
public interface VsokoCampaigns {

    /** The region's campaigns, newest year first. */
    List<CampaignRef> ofRegion(long regionId);

    /** A campaign by name and year: its id, name and year. */
    record CampaignRef(long id, String name, int year) {
    }
}
