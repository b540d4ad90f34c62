package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.support.IntegrationTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Regional staff keep a year's plan: drafting, approval by an order, the course of each procedure, who sees what. */
@IntegrationTest
class PlanKeepingTest {

    @Autowired
    PlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    PlanAccess access;
    @Autowired
    PlanExecutionService execution;
    @Autowired
    JdbcTemplate jdbc;

    private static PlanForm planForm(int year) {
        PlanForm form = new PlanForm();
        form.setYear(year);
        return form;
    }

    private ProcedureForm procedureForm(String typeCode, LocalDate start, LocalDate end) {
        ProcedureForm form = new ProcedureForm();
        form.setTypeId(fixtures.type(typeCode).id());
        form.setPeriodStart(start);
        form.setPeriodEnd(end);
        return form;
    }

    @Test
    void aDraftIsApprovedByItsOrderAndThenCarriedOut() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan plan = plans.create(staff, planForm(2021));
        assertThat(plan.title()).isEqualTo("План-график проведения мониторинга качества образования на 2021 год");
        assertThatThrownBy(() -> plans.create(staff, planForm(2021))).hasMessageContaining("на 2021 год уже есть");

        Procedure vpr = plans.addProcedure(staff, plan.id(), procedureForm("VPR", LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21)));
        // the type's defaults: grades 4–8, 100 % coverage, observers
        assertThat(vpr.gradesText()).isEqualTo("4–8");
        assertThat(vpr.coverageTarget()).isEqualByComparingTo("100");
        assertThat(vpr.observersRequired()).isTrue();
        assertThat(vpr.title()).isEqualTo("Всероссийские проверочные работы (ВПР)");

        // approval needs the order
        Plan stored = access.plan(staff, plan.id());
        assertThatThrownBy(() -> plans.approve(staff, plan.id(), stored.version()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("чьим приказом");
        PlanForm order = PlanForm.of(stored);
        order.setOrderIssuer("Министерства образования Тестовой области");
        order.setOrderNumber("1131/ПК");
        order.setOrderDate(LocalDate.of(2020, 12, 10));
        plans.update(staff, plan.id(), order);
        Plan approved = plans.approve(staff, plan.id(), access.plan(staff, plan.id()).version());
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.orderWording()).isEqualTo("приказ Министерства образования Тестовой области от 10.12.2020 № 1131/ПК");

        // an approved plan's procedure is cancelled, not deleted
        long version = access.procedure(staff, vpr.id()).version();
        assertThatThrownBy(() -> plans.deleteProcedure(staff, vpr.id(), version)).hasMessageContaining("отменённой с причиной");

        plans.changeStatus(staff, vpr.id(), new StatusForm(ProcedureStatus.DONE, LocalDate.of(2021, 5, 24), null, null, null, version));
        PlanExecution.Figures figures = execution.of(access.plan(staff, plan.id()), LocalDate.of(2021, 12, 31)).total();
        assertThat(figures.total()).isEqualTo(1);
        assertThat(figures.late()).isEqualTo(1);
        assertThat(plans.procedureHistory(staff, vpr.id())).isNotEmpty();
    }

    @Test
    void theCourseOfAProcedureFollowsItsRules() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan draft = fixtures.plan(region.region().id(), 2021, false);
        Procedure inDraft = fixtures.vpr(draft, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        assertThatThrownBy(() -> plans.changeStatus(staff, inDraft.id(),
                new StatusForm(ProcedureStatus.DONE, LocalDate.of(2021, 5, 21), null, null, null, inDraft.version())))
                .hasMessageContaining("ещё не утверждён");

        Plan plan = fixtures.plan(region.region().id(), 2022, true);
        Procedure p = fixtures.vpr(plan, LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 21));
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.DONE, LocalDate.of(2022, 3, 1), null, null, null))
                .hasMessageContaining("раньше начала");
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.DONE, LocalDate.now().plusDays(2), null, null, null))
                .hasMessageContaining("позже сегодняшней");
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.MOVED, null, null, null, null))
                .hasMessageContaining("новые сроки");
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.MOVED, null, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 9, 1), null))
                .hasMessageContaining("раньше нового начала");
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.CANCELLED, null, null, null, "  "))
                .hasMessageContaining("причину");

        status(staff, p, ProcedureStatus.MOVED, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 9, 12), LocalDate.of(2022, 9, 23), null);
        Procedure moved = access.procedure(staff, p.id());
        assertThat(moved.periodEnd()).isEqualTo(LocalDate.of(2022, 5, 21));
        assertThat(moved.effectiveEnd()).isEqualTo(LocalDate.of(2022, 9, 23));
        status(staff, p, ProcedureStatus.DONE, LocalDate.of(2022, 9, 23), null, null, null);
        assertThat(access.procedure(staff, p.id()).outcomeOn(LocalDate.of(2022, 12, 31))).isEqualTo(Outcome.ON_TIME);
        assertThatThrownBy(() -> status(staff, p, ProcedureStatus.CANCELLED, null, null, null, "поздно"))
                .hasMessageContaining("Выполненную");
        status(staff, p, ProcedureStatus.PLANNED, null, null, null, null);
        assertThat(access.procedure(staff, p.id()).doneOn()).isNull();

        // a form shown before someone else's change is refused, not silently applied
        long stale = access.procedure(staff, p.id()).version() - 1;
        assertThatThrownBy(() -> plans.changeStatus(staff, p.id(),
                new StatusForm(ProcedureStatus.IN_PROGRESS, null, null, null, null, stale)))
                .isInstanceOf(ConcurrentEditException.class);
    }

    private void status(CurrentUser staff, Procedure p, ProcedureStatus to, LocalDate on, LocalDate movedStart,
                        LocalDate movedEnd, String reason) {
        long version = access.procedure(staff, p.id()).version();
        plans.changeStatus(staff, p.id(), new StatusForm(to, on, movedStart, movedEnd, reason, version));
    }

    @Test
    void aProcedureFormIsCheckedField() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan plan = fixtures.plan(region.region().id(), 2023, false);
        ProcedureForm wrongOrder = procedureForm("RPR", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 4, 1));
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), wrongOrder)).hasMessageContaining("Окончание раньше начала");
        ProcedureForm otherYear = procedureForm("RPR", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 10));
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), otherYear)).hasMessageContaining("вне 2023 года");
        ProcedureForm badGrades = procedureForm("RPR", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 10));
        badGrades.setGrades("5–14");
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), badGrades)).hasMessageContaining("от 1 до 11");
        ProcedureForm noMunicipality = procedureForm("RPR", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 10));
        noMunicipality.setParticipants(Participants.MUNICIPALITIES);
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), noMunicipality)).hasMessageContaining("муниципалитеты-участники");
        ProcedureForm foreign = procedureForm("RPR", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 10));
        foreign.setParticipants(Participants.SCHOOLS);
        foreign.setSchoolIds(List.of(fixtures.freshRegion().school().id()));
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), foreign)).hasMessageContaining("не этого региона");
        ProcedureForm target = procedureForm("RPR", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 10));
        target.setCoverageTarget(new BigDecimal("120"));
        target.setGrades("7");
        assertThatThrownBy(() -> plans.addProcedure(staff, plan.id(), target)).hasMessageContaining("от 0 до 100");
        assertThat(jdbc.queryForObject("select count(*) from plan_procedure where plan_id = ?", Long.class, plan.id())).isZero();

        ProcedureForm chosen = procedureForm("RPR", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 10));
        chosen.setParticipants(Participants.MUNICIPALITIES);
        chosen.setMunicipalityIds(List.of(region.municipality().id()));
        chosen.setSchoolIds(List.of(region.school().id()));
        Procedure saved = plans.addProcedure(staff, plan.id(), chosen);
        assertThat(jdbc.queryForList("select org_unit_id from plan_procedure_participant where procedure_id = ?", Long.class,
                saved.id())).containsExactly(region.municipality().id());
    }

    @Test
    void eachRoleSeesItsRegionsApprovedPlansAndOnlyRegionalStaffSeeDraftsAndKeepThem() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        PlanFixtures.TestRegion other = fixtures.freshRegion();
        Plan approved = fixtures.plan(region.region().id(), 2021, true);
        Plan draft = fixtures.plan(region.region().id(), 2022, false);
        Plan foreign = fixtures.plan(other.region().id(), 2021, true);
        Procedure procedure = fixtures.vpr(approved, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));

        CurrentUser staff = fixtures.user(region.regionUser());
        CurrentUser officer = fixtures.user(region.municipalityUser());
        CurrentUser director = fixtures.user(region.schoolUser());
        assertThat(access.list(staff)).extracting(Plan::id).containsExactlyInAnyOrder(approved.id(), draft.id());
        assertThat(access.list(officer)).extracting(Plan::id).containsExactly(approved.id());
        assertThat(access.list(director)).extracting(Plan::id).containsExactly(approved.id());
        for (CurrentUser user : List.of(staff, officer, director)) {
            assertThatThrownBy(() -> access.plan(user, foreign.id())).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> access.plan(officer, draft.id())).isInstanceOf(NotFoundException.class);
        assertThat(access.procedure(director, procedure.id()).title()).contains("4–8");
        assertThatThrownBy(() -> plans.changeStatus(officer, procedure.id(),
                new StatusForm(ProcedureStatus.DONE, LocalDate.of(2021, 5, 21), null, null, null, procedure.version())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("сотрудники региона");
        assertThatThrownBy(() -> plans.changeStatus(fixtures.user(other.regionUser()), procedure.id(),
                new StatusForm(ProcedureStatus.DONE, LocalDate.of(2021, 5, 21), null, null, null, procedure.version())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRegionAddsItsOwnProcedureTypesWhichOtherRegionsDoNotSee() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        PlanFixtures.TestRegion other = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        ProcedureKind own = plans.addType(staff, new TypeForm("Мониторинг адаптации первоклассников", "1", null, false, null, null));
        assertThat(plans.types(region.region().id())).extracting(ProcedureKind::name).contains(own.name());
        assertThat(plans.types(other.region().id())).extracting(ProcedureKind::name).doesNotContain(own.name());
        assertThatThrownBy(() -> plans.addType(staff, new TypeForm("мониторинг адаптации первоклассников", null, null, null, null, null)))
                .hasMessageContaining("уже есть");
        assertThatThrownBy(() -> plans.updateType(fixtures.user(other.regionUser()), own.id(),
                new TypeForm("Чужой", null, null, null, null, own.version())))
                .isInstanceOf(NotFoundException.class);
        ProcedureKind renamed = plans.updateType(staff, own.id(), new TypeForm("Мониторинг адаптации 1 классов", "1", null, false, null, own.version()));
        assertThat(renamed.active()).isFalse();
    }
}
