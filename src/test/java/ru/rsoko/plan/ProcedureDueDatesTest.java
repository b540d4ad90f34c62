package ru.rsoko.plan;

import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.plan.domain.StatusForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.support.TestClock;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision due «постоянно по итогам процедур оценки качества образования» is owed a set number of days after
 * each procedure of the region's approved plan ends.
 */
@IntegrationTest
class ProcedureDueDatesTest {

    @Autowired
    PlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    PlanAccess access;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<LocalDate> dueDates(MeetingView meeting) {
        return jdbc.queryForList("""
                select distinct e.due_date from execution e join decision d on d.id = e.decision_id
                where d.meeting_id = ? and d.number = '1'""", LocalDate.class, meeting.id());
    }

    private MeetingView signedMeeting(CurrentUser staff, int daysAfter, LocalDate signedOn) {
        clock.set(signedOn.atTime(9, 0).toInstant(ZoneOffset.UTC));
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.SEMINAR_MEETING);
        form.setTitle("Совещание по итогам процедур");
        form.setDate(signedOn);
        DecisionForm decision = new DecisionForm();
        decision.setNumber("1");
        decision.setText("Обеспечивать корректировку образовательных программ с учетом результатов процедур.");
        decision.setResponsibleText("руководители ОО");
        decision.setDeadlineText("постоянно по итогам процедур оценки качества образования");
        decision.setDeadlineKind(DeadlineKind.AFTER_EACH_PROCEDURE);
        decision.setDaysAfterProcedure(daysAfter);
        MeetingView meeting = meetings.createWithContent(staff, form, List.of(), List.of(decision));
        meetings.sign(staff, meeting.id(), null);
        return meeting;
    }

    @Test
    void theDueDateFollowsTheFirstProcedureEndingAfterSigningAndMovesWithIt() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan plan = fixtures.plan(region.region().id(), 2021, true);
        fixtures.procedure(plan, "RPR", "РПР в феврале", LocalDate.of(2021, 2, 8), LocalDate.of(2021, 2, 19));
        Procedure vpr = fixtures.vpr(plan, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        Procedure diagnostics = fixtures.procedure(plan, "REGIONAL_DIAGNOSTICS", "Диагностика 10 классов",
                LocalDate.of(2021, 9, 13), LocalDate.of(2021, 9, 24));

        // signed on 1 March: the February procedure is behind it, ВПР ending 21 May is the first after it
        MeetingView meeting = signedMeeting(staff, 30, LocalDate.of(2021, 3, 1));
        assertThat(dueDates(meeting)).containsExactly(LocalDate.of(2021, 6, 20));

        // ВПР moved to the autumn: owed after the September diagnostics instead
        clock.set(LocalDate.of(2021, 4, 1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        plans.changeStatus(staff, vpr.id(), new StatusForm(ProcedureStatus.MOVED, null,
                LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 15), null, access.procedure(staff, vpr.id()).version()));
        assertThat(dueDates(meeting)).containsExactly(LocalDate.of(2021, 10, 24));

        // the diagnostics cancelled: owed after the moved ВПР
        plans.changeStatus(staff, diagnostics.id(), new StatusForm(ProcedureStatus.CANCELLED, null, null, null,
                "Карантин", access.procedure(staff, diagnostics.id()).version()));
        assertThat(dueDates(meeting)).containsExactly(LocalDate.of(2021, 11, 14));
    }

    @Test
    void aReportOnOneProcedureMovesTheDueDateToTheNextAndNoneIsOwedWithoutAPlan() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan draft = fixtures.plan(region.region().id(), 2022, false);
        fixtures.vpr(draft, LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 20));
        fixtures.procedure(draft, "FUNCTIONAL_LITERACY", "Читательская грамотность", LocalDate.of(2022, 10, 3), LocalDate.of(2022, 10, 14));

        MeetingView meeting = signedMeeting(staff, 10, LocalDate.of(2022, 2, 1));
        // a draft plan is not the plan yet: nothing is owed
        assertThat(dueDates(meeting)).containsOnlyNulls();

        plans.approve(staff, draft.id(), access.plan(staff, draft.id()).version());
        assertThat(dueDates(meeting)).containsExactly(LocalDate.of(2022, 5, 30));

        // the director reports on ВПР after it ended: the next report is owed 10 days after the October study
        clock.set(LocalDate.of(2022, 5, 25).atTime(9, 0).toInstant(ZoneOffset.UTC));
        MeetingView signed = meetings.get(ru.rsoko.access.Scope.all(), meeting.id());
        var execution = meetingFixtures.execution(signed, "1", region.school());
        meetingFixtures.withPeriodReport(execution);
        assertThat(jdbc.queryForObject("select due_date from execution where id = ?", LocalDate.class, execution.id()))
                .isEqualTo(LocalDate.of(2022, 10, 24));
        assertThat(jdbc.queryForObject("select period_start from execution_report where execution_id = ?", LocalDate.class,
                execution.id())).isEqualTo(LocalDate.of(2022, 5, 20));
    }
}
