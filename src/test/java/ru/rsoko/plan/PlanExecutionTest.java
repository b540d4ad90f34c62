package ru.rsoko.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «Выполнение плана-графика» at month and year ends: what counts as done on time, late, moved, cancelled and
 * overdue on a given day, and which month a procedure is reported in.
 */
class PlanExecutionTest {

    private final Plan plan = new Plan(1L, 2021, "План-график 2021");
    private final ProcedureType type = new ProcedureType(null, "VPR", "ВПР");

    private Procedure procedure(LocalDate start, LocalDate end) {
        Procedure p = new Procedure(plan, type, "Процедура", start, end);
        plan.getProcedures().add(p);
        return p;
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static void done(Procedure p, LocalDate on) {
        p.setStatus(ProcedureStatus.DONE);
        p.setDoneOn(on);
    }

    @Test
    void doneOnTheLastDayOfTheMonthIsOnTimeAndTheNextDayIsLate() {
        Procedure onTime = procedure(d(2021, 3, 1), d(2021, 3, 31));
        done(onTime, d(2021, 3, 31));
        Procedure late = procedure(d(2021, 3, 1), d(2021, 3, 31));
        done(late, d(2021, 4, 1));

        assertThat(onTime.outcomeOn(d(2021, 3, 31))).isEqualTo(Outcome.ON_TIME);
        // at the end of March the late one was still under way: its last day had not passed
        assertThat(late.outcomeOn(d(2021, 3, 31))).isEqualTo(Outcome.UNDER_WAY);
        assertThat(late.outcomeOn(d(2021, 4, 1))).isEqualTo(Outcome.LATE);

        PlanExecution endOfMarch = PlanExecution.of(plan.getProcedures(), d(2021, 3, 31));
        assertThat(endOfMarch.total().doneOnTime()).isEqualTo(1);
        assertThat(endOfMarch.total().late()).isZero();
        assertThat(endOfMarch.total().planned()).isEqualTo(1);

        PlanExecution endOfApril = PlanExecution.of(plan.getProcedures(), d(2021, 4, 30));
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
        assertThat(PlanExecution.of(plan.getProcedures(), d(2021, 5, 1)).total().overdue()).isEqualTo(1);
    }

    @Test
    void aMovedProcedureCountsAsMovedFromTheDayOfTheMoveAndIsJudgedByItsNewDatesOnceDone() {
        Procedure p = procedure(d(2021, 9, 13), d(2021, 9, 24));
        p.setStatus(ProcedureStatus.MOVED);
        p.setMovedStart(d(2021, 10, 11));
        p.setMovedEnd(d(2021, 10, 22));
        p.setMovedOn(d(2021, 9, 1));
        assertThat(p.outcomeOn(d(2021, 8, 31))).isEqualTo(Outcome.PLANNED);
        assertThat(p.outcomeOn(d(2021, 9, 1))).isEqualTo(Outcome.MOVED);
        assertThat(p.outcomeOn(d(2021, 9, 30))).isEqualTo(Outcome.MOVED);

        done(p, d(2021, 10, 22));
        assertThat(p.outcomeOn(d(2021, 10, 21))).isEqualTo(Outcome.MOVED);
        assertThat(p.outcomeOn(d(2021, 10, 31))).isEqualTo(Outcome.ON_TIME);
        done(p, d(2021, 10, 25));
        assertThat(p.outcomeOn(d(2021, 10, 31))).isEqualTo(Outcome.LATE);
    }

    @Test
    void aCancelledProcedureIsCancelledFromTheDayOfCancellation() {
        Procedure p = procedure(d(2021, 11, 15), d(2021, 11, 26));
        p.setStatus(ProcedureStatus.CANCELLED);
        p.setCancelReason("Дистанционное обучение");
        p.setCancelledOn(d(2021, 11, 8));
        assertThat(p.outcomeOn(d(2021, 11, 7))).isEqualTo(Outcome.PLANNED);
        assertThat(p.outcomeOn(d(2021, 11, 8))).isEqualTo(Outcome.CANCELLED);
        assertThat(p.outcomeOn(d(2021, 12, 31))).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void theYearEndsWithDecemberAndAProcedureEndingOnTheLastDayIsDueOnlyFromTheNewYear() {
        Procedure december = procedure(d(2021, 11, 1), d(2021, 12, 31));
        Procedure may = procedure(d(2021, 3, 15), d(2021, 5, 21));
        done(may, d(2021, 5, 21));

        PlanExecution lastDay = PlanExecution.of(plan.getProcedures(), d(2021, 12, 31));
        assertThat(lastDay.months()).extracting(PlanExecution.Month::month)
                .containsExactly(YearMonth.of(2021, 5), YearMonth.of(2021, 12));
        assertThat(lastDay.months().getLast().figures().planned()).isEqualTo(1);
        assertThat(lastDay.total().overdue()).isZero();
        assertThat(lastDay.total().onTimeShareOfDue()).isEqualByComparingTo("100.0");

        PlanExecution newYear = PlanExecution.of(plan.getProcedures(), d(2022, 1, 1));
        assertThat(newYear.total().overdue()).isEqualTo(1);
        assertThat(newYear.total().onTimeShareOfDue()).isEqualByComparingTo("50.0");
        assertThat(newYear.months().getFirst().label()).isEqualTo("Май 2021");

        done(december, d(2021, 12, 31));
        assertThat(PlanExecution.of(plan.getProcedures(), d(2021, 12, 31)).total().doneOnTime()).isEqualTo(2);
    }

    @Test
    void anEmptyPlanHasNoShares() {
        PlanExecution empty = PlanExecution.of(plan.getProcedures(), d(2021, 6, 30));
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
}
