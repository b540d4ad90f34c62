package ru.rsoko.participation.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan asks the modules that record facts against its procedures before it throws a draft away: participation
 * entered for a draft's procedure keeps the draft; without any, the draft goes.
 */
@IntegrationTest
class ParticipationKeepsItsProceduresTest {

    @Autowired
    PlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    PlanAccess access;
    @Autowired
    ParticipationService participation;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDraftWithParticipationIsNotThrownAwayAndOneWithoutIs() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        CurrentUser staff = fixtures.user(region.regionUser());
        Plan draft = fixtures.plan(region.region().id(), 2021, false);
        Procedure vpr = fixtures.vpr(draft, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        participation.saveRows(staff, vpr.id(), List.of(
                new ParticipationService.RowInput(region.school().id(), 4, 20, 19, true, null)));

        assertThatThrownBy(() -> plans.delete(staff, draft.id(), access.plan(staff, draft.id()).version()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("По процедурам плана уже внесено участие: удалить его нельзя");
        assertThat(jdbc.queryForObject("select count(*) from participation where procedure_id = ?", Long.class, vpr.id()))
                .isEqualTo(1);

        Plan other = fixtures.plan(region.region().id(), 2022, false);
        fixtures.vpr(other, LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 21));
        plans.delete(staff, other.id(), access.plan(staff, other.id()).version());
        assertThat(jdbc.queryForObject("select count(*) from plan where id = ?", Long.class, other.id())).isZero();
    }
}
