package ru.rsoko.execution;

import ru.rsoko.meeting.Decision;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reporting periods of an ongoing decision for one organisation. «постоянно»: calendar periods (quarters by
 * default) from the signing of the protocol; «до 10 июня, далее - постоянно»: first up to that date, then calendar
 * periods. «по итогам процедур»: reported per period too, but due dates come from the plan-schedule, not from here.
 */
record Schedule(LocalDate start, LocalDate firstEnd, ReportPeriod period, boolean dated) {

    record Period(LocalDate start, LocalDate end) {
        public String label() {
            return Formats.DATE.format(start) + " – " + Formats.DATE.format(end);
        }
    }

    static Schedule of(Execution execution) {
        Decision decision = execution.getDecision();
        LocalDate start = execution.getPeriodStart();
        LocalDate due = decision.getDeadline().dueDate();
        LocalDate firstEnd = decision.getDeadlineKind() == DeadlineKind.BY_DATE_THEN_ONGOING && due != null && !due.isBefore(start)
                ? due : decision.getReportPeriod().endOfPeriodContaining(start);
        return new Schedule(start, firstEnd, decision.getReportPeriod(),
                decision.getDeadlineKind() != DeadlineKind.AFTER_EACH_PROCEDURE);
    }

    Period first() {
        return new Period(start, firstEnd);
    }

    Period after(Period previous) {
        LocalDate next = previous.end().plusDays(1);
        return new Period(next, period.endOfPeriodContaining(next));
    }

    /** The end of the earliest period without a report: the date the next report is owed. */
    LocalDate nextDue(Collection<ExecutionReport> reports) {
        Period open = firstUnreported(reports);
        return dated ? open.end() : null;
    }

    /** The earliest period without a report, which is the one to report on next. */
    Period firstUnreported(Collection<ExecutionReport> reports) {
        Set<LocalDate> reported = reports.stream().map(ExecutionReport::getPeriodStart).collect(Collectors.toSet());
        Period p = first();
        while (reported.contains(p.start())) {
            p = after(p);
        }
        return p;
    }

    /** Every period that has begun by the given day, oldest first. */
    List<Period> periodsUntil(LocalDate day) {
        List<Period> periods = new ArrayList<>();
        for (Period p = first(); !p.start().isAfter(day); p = after(p)) {
            periods.add(p);
        }
        return periods;
    }
}
