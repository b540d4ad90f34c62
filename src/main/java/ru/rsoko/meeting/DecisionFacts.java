package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

/**
 * A decision as other modules read it: its number and text, the responsible parties in the protocol's words, the
 * deadline, how an ongoing one is reported on, and its meeting. Execution keeps decisions by id and asks
 * {@link MeetingService#decisions} for these, one batch per page.
 *
 * @param responsibleText    the protocol's words: «руководители МОУО, руководители ОО»
 * @param daysAfterProcedure for decisions due after each procedure: how many days after a procedure ends the report is due
 */
public record DecisionFacts(long id, String number, String text, @Nullable String responsibleText, Deadline deadline,
                            ReportPeriod reportPeriod, int daysAfterProcedure, MeetingSummary meeting) {

    public DeadlineKind deadlineKind() {
        return deadline.kind();
    }
}
