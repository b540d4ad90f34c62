package ru.rsoko.execution.domain;

import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.meeting.ReportPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reporting periods of an ongoing decision for one organisation. «постоянно»: calendar periods (quarters by
 * default) from the signing of the protocol; «до 10 июня, далее - постоянно»: first up to that date, then calendar
 * periods. «постоянно по итогам процедур»: one period per procedure of the region's approved plan-schedule that
 * ends after the signing, from the day it ends to the report's due date a set number of days later; there are no
 * periods beyond the last procedure planned.
 */
record Schedule(LocalDate start, LocalDate firstEnd, ReportPeriod period,
                List<LocalDate> procedureEnds, int daysAfterProcedure) {

    /**
     * @param start         the first day reported on: the protocol's signing
     * @param procedureEnds the days the procedures of the region's approved plans end (moved ones on their new
     *                      dates), in order; only read for decisions due after each procedure
     */
    static Schedule of(DecisionFacts decision, LocalDate start, List<LocalDate> procedureEnds) {
        LocalDate due = decision.deadline().dueDate();
        LocalDate firstEnd = decision.deadlineKind() == DeadlineKind.BY_DATE_THEN_ONGOING && due != null && !due.isBefore(start)
                ? due : decision.reportPeriod().endOfPeriodContaining(start);
        if (decision.deadlineKind() == DeadlineKind.AFTER_EACH_PROCEDURE) {
            List<LocalDate> ends = procedureEnds.stream().filter(end -> !end.isBefore(start)).distinct().sorted().toList();
            return new Schedule(start, null, decision.reportPeriod(), ends, decision.daysAfterProcedure());
        }
        return new Schedule(start, firstEnd, decision.reportPeriod(), null, 0);
    }

    boolean afterProcedures() {
        return procedureEnds != null;
    }

    /** The first period, or null when it is due after procedures and none is planned. */
    Period first() {
        if (afterProcedures()) {
            return procedureEnds.isEmpty() ? null : procedurePeriod(procedureEnds.getFirst());
        }
        return new Period(start, firstEnd);
    }

    /** The period after the given one, or null when it is due after procedures and no later one is planned. */
    Period after(Period previous) {
        if (afterProcedures()) {
            return procedureEnds.stream().filter(end -> end.isAfter(previous.start())).findFirst()
                    .map(this::procedurePeriod).orElse(null);
        }
        LocalDate next = previous.end().plusDays(1);
        return new Period(next, period.endOfPeriodContaining(next));
    }

    private Period procedurePeriod(LocalDate procedureEnd) {
        return new Period(procedureEnd, procedureEnd.plusDays(daysAfterProcedure));
    }

    /** The end of the earliest period without a report: the date the next report is owed; null when none is. */
    LocalDate nextDue(Collection<ExecutionReport> reports) {
        Period open = firstUnreported(reports);
        return open != null ? open.end() : null;
    }

    /** The earliest period without a report, which is the one to report on next; null when no such period is planned. */
    Period firstUnreported(Collection<ExecutionReport> reports) {
        Set<LocalDate> reported = reports.stream().map(ExecutionReport::getPeriodStart).collect(Collectors.toSet());
        Period p = first();
        while (p != null && reported.contains(p.start())) {
            p = after(p);
        }
        return p;
    }

    /** The period of the schedule that begins on the given day, or null when none does. */
    Period startingOn(LocalDate day) {
        Period p = first();
        while (p != null && p.start().isBefore(day)) {
            p = after(p);
        }
        return p != null && p.start().equals(day) ? p : null;
    }

    /** Every period that has begun by the given day, oldest first. */
    List<Period> periodsUntil(LocalDate day) {
        List<Period> periods = new ArrayList<>();
        for (Period p = first(); p != null && !p.start().isAfter(day); p = after(p)) {
            periods.add(p);
        }
        return periods;
    }
}
