package ru.rsoko.execution;

/**
 * What a list of execution records is narrowed to; all parts optional. {@code municipalityId} 0 stands for the
 * region's own organisations (no municipality), as in the matrix's column of regional institutions.
 */
public record ExecutionFilter(ExecutionStatus status, Boolean overdue, Long orgUnitId, Long meetingId, Long decisionId,
                              Long municipalityId, String q) {

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
