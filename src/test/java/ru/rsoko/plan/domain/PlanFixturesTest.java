package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
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
    PlanAccess plans;

    @Test
    void aFreshRegionHasAnApprovedPlanWithVpr() {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        Plan plan = fixtures.plan(region.region().id(), 2021, true);
        Procedure vpr = fixtures.vpr(plan, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        Procedure stored = plans.procedures(plan).getFirst();
        assertThat(stored.id()).isEqualTo(vpr.id());
        assertThat(stored.gradesText()).isEqualTo("4–8");
        assertThat(stored.coverageTarget()).isEqualByComparingTo("100");
        assertThat(stored.observersRequired()).isTrue();
        assertThat(fixtures.user(region.schoolUser()).orgUnitId()).isEqualTo(region.school().id());
    }
}
