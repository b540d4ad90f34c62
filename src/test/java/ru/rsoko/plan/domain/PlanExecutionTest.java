package ru.rsoko.plan.domain;

import org.junit.jupiter.api.Test;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «Выполнение плана-графика» at month and year ends: what counts as done on time, late, moved, cancelled and
 * overdue on a given day, and which month a procedure is reported in.
 */
class PlanExecutionTest {

    /** The plan's procedures as its records tell them; a change of one replaces its record here. */
    private final List<Procedure> procedures = new ArrayList<>();

    private Procedure procedure(LocalDate start, LocalDate end) {
        Procedure p = new Procedure(procedures.size() + 1, 1L, "План-график 2021", 1L, procedures.size() + 1, 1L, "VPR",
                "ВПР", "Процедура", start, end, null, null, null, List.of(), null, Participants.ALL_SCHOOLS, Set.of(),
                null, null, false, null, null, ProcedureStatus.PLANNED, null, null, null, null, null, null, 0);
        procedures.add(p);
        return p;
    }

    /** The procedure's course as recorded: its status and the days (and dates) that go with it. */
    private Procedure course(Procedure p, ProcedureStatus status, LocalDate movedStart, LocalDate movedEnd,
                             LocalDate movedOn, String cancelReason, LocalDate cancelledOn, LocalDate doneOn) {
        Procedure changed = new Procedure(p.id(), p.planId(), p.planTitle(), p.regionId(), p.position(), p.typeId(),
                p.typeCode(), p.typeName(), p.title(), p.periodStart(), p.periodEnd(), movedStart, movedEnd, movedOn,
                p.grades(), p.subjects(), p.participants(), p.participantIds(), p.responsibleId(), p.responsibleName(),
                p.observersRequired(), p.coverageTarget(), p.vsokoCampaignId(), status, doneOn, cancelReason, cancelledOn,
                p.resultsSummary(), p.updatedAt(), p.updatedBy(), p.version() + 1);
        procedures.replaceAll(q -> q.id() == p.id() ? changed : q);
        return changed;
    }

    private Procedure done(Procedure p, LocalDate on) {
        return course(p, ProcedureStatus.DONE, p.movedStart(), p.movedEnd(), p.movedOn(), p.cancelReason(), p.cancelledOn(), on);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void doneOnTheLastDayOfTheMonthIsOnTimeAndTheNextDayIsLate() {
        Procedure onTime = done(procedure(d(2021, 3, 1), d(2021, 3, 31)), d(2021, 3, 31));
        Procedure late = done(procedure(d(2021, 3, 1), d(2021, 3, 31)), d(2021, 4, 1));

        assertThat(onTime.outcomeOn(d(2021, 3, 31))).isEqualTo(Outcome.ON_TIME);
        // at the end of March the late one was still under way: its last day had not passed
        assertThat(late.outcomeOn(d(2021, 3, 31))).isEqualTo(Outcome.UNDER_WAY);
        assertThat(late.outcomeOn(d(2021, 4, 1))).isEqualTo(Outcome.LATE);

        PlanExecution endOfMarch = PlanExecution.of(procedures, d(2021, 3, 31));
        assertThat(endOfMarch.total().doneOnTime()).isEqualTo(1);
        assertThat(endOfMarch.total().late()).isZero();
        assertThat(endOfMarch.total().planned()).isEqualTo(1);

        PlanExecution endOfApril = PlanExecution.of(procedures, d(2021, 4, 30));
        assertThat(endOfApril.total().done()).isEqualTo(2);
        assertThat(endOfApril.total().doneOnTime()).isEqualTo(1);
        assertThat(endOfApril.total().late()).isEqualTo(1);
        assertThat(endOfApril.total().share(1)).isEqualByComparingTo("50.0");
    }

    @Test
    void aProcedureNotMarkedByItsEndIsOverdueFromTheNextDay() {
        Procedure p = procedure(d(2021, 4, 5), d(2021, 4, 30));
        assertThat(p.outcomeOn(d(2021, 4, 4))).isEqualTo(Outcome.PLANNED);
        assertThat(p.outcomeOn(d(2021, 4, 30))).isEqualTo(Outcome.UNDER_WAY);
        assertThat(p.outcomeOn(d(2021, 5, 1))).isEqualTo(Outcome.OVERDUE);
        assertThat(PlanExecution.of(procedures, d(2021, 5, 1)).total().overdue()).isEqualTo(1);
    }

    @Test
    void aMovedProcedureCountsAsMovedFromTheDayOfTheMoveAndIsJudgedByItsNewDatesOnceDone() {
        Procedure p = course(procedure(d(2021, 9, 13), d(2021, 9, 24)), ProcedureStatus.MOVED,
                d(2021, 10, 11), d(2021, 10, 22), d(2021, 9, 1), null, null, null);
        assertThat(p.outcomeOn(d(2021, 8, 31))).isEqualTo(Outcome.PLANNED);
        assertThat(p.outcomeOn(d(2021, 9, 1))).isEqualTo(Outcome.MOVED);
        assertThat(p.outcomeOn(d(2021, 9, 30))).isEqualTo(Outcome.MOVED);

        p = done(p, d(2021, 10, 22));
        assertThat(p.outcomeOn(d(2021, 10, 21))).isEqualTo(Outcome.MOVED);
        assertThat(p.outcomeOn(d(2021, 10, 31))).isEqualTo(Outcome.ON_TIME);
        p = done(p, d(2021, 10, 25));
        assertThat(p.outcomeOn(d(2021, 10, 31))).isEqualTo(Outcome.LATE);
    }

    @Test
    void aCancelledProcedureIsCancelledFromTheDayOfCancellation() {
        Procedure p = course(procedure(d(2021, 11, 15), d(2021, 11, 26)), ProcedureStatus.CANCELLED,
                null, null, null, "Дистанционное обучение", d(2021, 11, 8), null);
        assertThat(p.outcomeOn(d(2021, 11, 7))).isEqualTo(Outcome.PLANNED);
        assertThat(p.outcomeOn(d(2021, 11, 8))).isEqualTo(Outcome.CANCELLED);
        assertThat(p.outcomeOn(d(2021, 12, 31))).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void theYearEndsWithDecemberAndAProcedureEndingOnTheLastDayIsDueOnlyFromTheNewYear() {
        Procedure december = procedure(d(2021, 11, 1), d(2021, 12, 31));
        done(procedure(d(2021, 3, 15), d(2021, 5, 21)), d(2021, 5, 21));

        PlanExecution lastDay = PlanExecution.of(procedures, d(2021, 12, 31));
        assertThat(lastDay.months()).extracting(PlanExecution.Month::month)
                .containsExactly(YearMonth.of(2021, 5), YearMonth.of(2021, 12));
        assertThat(lastDay.months().getLast().figures().planned()).isEqualTo(1);
        assertThat(lastDay.total().overdue()).isZero();
        assertThat(lastDay.total().onTimeShareOfDue()).isEqualByComparingTo("100.0");

        PlanExecution newYear = PlanExecution.of(procedures, d(2022, 1, 1));
        assertThat(newYear.total().overdue()).isEqualTo(1);
        assertThat(newYear.total().onTimeShareOfDue()).isEqualByComparingTo("50.0");
        assertThat(newYear.months().getFirst().label()).isEqualTo("Май 2021");

        done(december, d(2021, 12, 31));
        assertThat(PlanExecution.of(procedures, d(2021, 12, 31)).total().doneOnTime()).isEqualTo(2);
    }

    @Test
    void anEmptyPlanHasNoShares() {
        PlanExecution empty = PlanExecution.of(procedures, d(2021, 6, 30));
        assertThat(empty.total().total()).isZero();
        assertThat(empty.total().share(0)).isNull();
        assertThat(empty.total().onTimeShareOfDue()).isNull();
        assertThat(empty.months()).isEmpty();
    }

    @Test
    void gradesAreWrittenAsPeopleWriteThem() {
        assertThat(Grades.parse("4–8")).containsExactly(4, 5, 6, 7, 8);
        assertThat(Grades.parse("4-8 классы")).containsExactly(4, 5, 6, 7, 8);
        assertThat(Grades.parse("11, 4; 6")).containsExactly(4, 6, 11);
        assertThat(Grades.parse(" ")).isNull();
        assertThat(Procedure.gradesText(new Integer[]{4, 5, 6, 7, 8})).isEqualTo("4–8");
        assertThat(Procedure.gradesText(new Integer[]{11, 4, 6})).isEqualTo("4, 6, 11");
        assertThat(Procedure.gradesText(new Integer[]{10})).isEqualTo("10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Grades.parse("12")).hasMessageContaining("от 1 до 11");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Grades.parse("пятые")).hasMessageContaining("не поняты");
    }

    @Test
    void aProcedureStatusKnowsItsMovesAndThePageOffersOnlyThoseThatChangeSomething() {
        for (ProcedureStatus from : ProcedureStatus.values()) {
            for (ProcedureStatus to : ProcedureStatus.values()) {
                if (from.offers(to)) {
                    assertThat(from.canMoveTo(to)).as(from + " offers " + to).isTrue();
                }
            }
        }
        assertThat(ProcedureStatus.DONE.canMoveTo(ProcedureStatus.CANCELLED)).isFalse();
        assertThat(ProcedureStatus.CANCELLED.canMoveTo(ProcedureStatus.DONE)).isFalse();
        assertThat(ProcedureStatus.CANCELLED.canMoveTo(ProcedureStatus.IN_PROGRESS)).isFalse();
        assertThat(ProcedureStatus.DONE.offers(ProcedureStatus.PLANNED)).isTrue();
        assertThat(ProcedureStatus.IN_PROGRESS.offers(ProcedureStatus.IN_PROGRESS)).isFalse();
        assertThat(ProcedureStatus.MOVED.offers(ProcedureStatus.IN_PROGRESS)).isTrue();
    }
}
