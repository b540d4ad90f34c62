package ru.rsoko.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PlanFixturesTest {

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    ProcedureRepository procedures;

    @Test
    void aFreshRegionHasAnApprovedPlanWithVpr() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        Plan plan = fixtures.plan(region.region().id(), 2021, true);
        Procedure vpr = fixtures.vpr(plan, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        Procedure stored = procedures.findByPlan(plan.getId()).getFirst();
        assertThat(stored.getId()).isEqualTo(vpr.getId());
        assertThat(stored.gradesText()).isEqualTo("4–8");
        assertThat(stored.getCoverageTarget()).isEqualByComparingTo("100");
        assertThat(stored.isObserversRequired()).isTrue();
        assertThat(fixtures.user(region.schoolUser()).orgUnitId()).isEqualTo(region.school().id());
    }
}
