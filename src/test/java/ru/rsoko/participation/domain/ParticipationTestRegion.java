package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.Procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A fresh region with an approved plan and ВПР in grades 4–8 (target 100 %, all schools), and helpers to put
 * participation rows in it as its regional staff would.
 */
class ParticipationTestRegion {

    final PlanFixtures fixtures;
    final PlanFixtures.TestRegion region;
    final Plan plan;
    final Procedure vpr;
    final ParticipationService service;

    ParticipationTestRegion(PlanFixtures fixtures, ParticipationService service, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.service = service;
        this.region = fixtures.freshRegion();
        // the accounts are used at once, without the first-login password change
        jdbc.update("update user_account set must_change_password = false where username in (?, ?, ?)",
                region.regionUser(), region.municipalityUser(), region.schoolUser());
        this.plan = fixtures.plan(region.region().id(), 2021, true);
        this.vpr = fixtures.vpr(plan, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
    }

    CurrentUser regionUser() {
        return fixtures.user(region.regionUser());
    }

    /** A signed-in request (page or API) as one of the region's accounts. */
    RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    /** Rows of one school: pupils and participants per grade from 4, as the region's staff enter them. */
    void rows(long schoolId, int[] pupils, int[] participants) {
        rows(vpr, schoolId, pupils, participants, true);
    }

    void rows(Procedure procedure, long schoolId, int[] pupils, int[] participants, boolean observers) {
        List<ParticipationService.RowInput> input = new ArrayList<>();
        for (int i = 0; i < pupils.length; i++) {
            input.add(new ParticipationService.RowInput(schoolId, 4 + i, pupils[i], participants[i], observers, null));
        }
        service.saveRows(regionUser(), procedure.id(), input);
    }

    /** The procedure for the chosen schools only, as the plan's keepers would set it. */
    Procedure onlySchools(Procedure procedure, Long... schoolIds) {
        return fixtures.onlySchools(procedure, schoolIds);
    }
}
