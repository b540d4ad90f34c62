package ru.rsoko.execution;

import org.jspecify.annotations.Nullable;

/**
 * What a list of execution records is narrowed to; all parts optional. {@code municipalityId} 0 stands for the
 * region's own organisations (no municipality), as in the matrix's column of regional institutions.
 */
public record ExecutionFilter(@Nullable ExecutionStatus status, @Nullable Boolean overdue, @Nullable Long orgUnitId,
                              @Nullable Long meetingId, @Nullable Long decisionId, @Nullable Long municipalityId,
                              @Nullable String q) {

    public static ExecutionFilter none() {
        return new ExecutionFilter(null, null, null, null, null, null, null);
    }

    public static ExecutionFilter ofOrgUnit(long orgUnitId) {
        return new ExecutionFilter(null, null, orgUnitId, null, null, null, null);
    }

    public static ExecutionFilter overdueOnly() {
        return new ExecutionFilter(null, true, null, null, null, null, null);
    }
}
