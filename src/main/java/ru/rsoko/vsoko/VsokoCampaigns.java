package ru.rsoko.vsoko;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.CurrentUser;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules ask of ВСОКО campaigns: a region's campaigns (e.g. for linking a procedure of the
 * plan-schedule), and the open campaigns that concern a user, for the home page.
 */
public interface VsokoCampaigns {

    /** The region's campaigns, newest year first. */
    List<CampaignRef> ofRegion(long regionId);

    /**
     * The open campaigns the user takes part in or follows: for a school its own self-assessment, for everyone else
     * what the schools of their scope have handed in.
     */
    List<OpenCampaign> openFor(CurrentUser user);

    /**
     * The schools of the region's open campaigns closing on the day that have not handed in their self-assessment
     * (not started, in progress or returned). One query.
     */
    List<PendingSelfAssessment> notHandedIn(long regionId, LocalDate closesOn);

    /** The schools taking part in a campaign (ids), for telling them it opened. */
    List<Long> participantSchools(long campaignId);

    /** A school's self-assessment still owed in an open campaign. */
    record PendingSelfAssessment(long campaignId, String campaignName, LocalDate closesOn, long schoolId,
                                 SubmissionStatus status) {
    }

    /** A campaign by name and year: its id, name and year. */
    record CampaignRef(long id, String name, int year) {
    }

    /**
     * An open campaign as a home page lists it: what is handed in within the user's scope, and for a school its own
     * self-assessment ({@code own} is null for everyone else).
     */
    record OpenCampaign(long id, String name, LocalDate closesOn, long participants, long submitted,
                        @Nullable SubmissionStatus own, long ownFilled, int indicators) {
    }
}
