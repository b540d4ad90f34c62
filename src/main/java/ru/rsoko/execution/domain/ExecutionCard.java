package ru.rsoko.execution.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.platform.audit.HistoryEntry;

import java.time.LocalDate;
import java.util.List;

/**
 * One record's card: the record, today of its region, whether the user reports on it, the periods of an ongoing
 * record, comments, history, and the organisation's place in the directory.
 */
public record ExecutionCard(ExecutionRecord execution, LocalDate today, boolean canReport, List<PeriodRow> periods,
                            List<CommentView> comments, List<HistoryEntry> history, List<OrgUnit> path) {

    /** The periods that have begun and have no report, oldest first: those a report may be filed for now. */
    public List<PeriodRow> owed() {
        return periods.reversed().stream().filter(p -> p.report() == null).toList();
    }

    /**
     * The periods a report form offers ticked: every overdue one, or the earliest owed when none is overdue yet (the
     * current period, reported on as before).
     */
    public List<LocalDate> preselected() {
        List<PeriodRow> owed = owed();
        List<LocalDate> overdue = owed.stream().filter(PeriodRow::overdue).map(PeriodRow::start).toList();
        return !overdue.isEmpty() || owed.isEmpty() ? overdue : List.of(owed.getFirst().start());
    }
}
