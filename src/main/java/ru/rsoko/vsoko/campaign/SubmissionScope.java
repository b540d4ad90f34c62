package ru.rsoko.vsoko.campaign;

import ru.rsoko.access.Scope;

/**
 * The caller's scope as SQL on rows of {@code vsoko_submission}, which keep their school's region, municipality and
 * id: the same rule as {@link Scope#covers}, for the queries of campaigns and self-assessments.
 */
public final class SubmissionScope {

    private SubmissionScope() {
    }

    /** The condition on {@code vsoko_submission} under an alias such as "s." (or "" for none), with one placeholder or none. */
    public static String where(Scope scope, String alias) {
        return " " + switch (scope.level()) {
            case ALL -> "true";
            case REGION -> alias + "region_id = ?";
            case MUNICIPALITY -> alias + "municipality_id = ?";
            case ORG_UNIT -> alias + "school_id = ?";
        } + " ";
    }

    /** The arguments of a query on a campaign's submissions: the campaign's id, then the scope's. */
    public static Object[] args(Object campaignId, Scope scope) {
        return switch (scope.level()) {
            case ALL -> new Object[]{campaignId};
            case REGION -> new Object[]{campaignId, scope.regionId()};
            case MUNICIPALITY -> new Object[]{campaignId, scope.municipalityId()};
            case ORG_UNIT -> new Object[]{campaignId, scope.orgUnitId()};
        };
    }
}
