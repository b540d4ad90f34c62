package ru.rsoko.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.dashboard.domain.DashboardService;
import ru.rsoko.dashboard.domain.DashboardService.Dashboard;
import ru.rsoko.dashboard.domain.DashboardService.Row;
import ru.rsoko.dashboard.domain.RiskLevel;
import ru.rsoko.dashboard.domain.Settings;
import ru.rsoko.dashboard.domain.SettingsService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.domain.SchoolListService;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboards and a school's profile over a region made for the test, where every figure is known: a year's ВПР
 * with a target, a ШНОР list, decisions overdue and done; then the region changes its risk weights.
 */
@IntegrationTest
class DashboardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DashboardService dashboards;
    @Autowired
    SettingsService settings;
    @Autowired
    ExecutionService executions;
    @Autowired
    SchoolListService lists;

    PlanFixtures.TestRegion r;
    int year;
    Procedure vpr;

    @BeforeEach
    void region() {
        r = fixtures.freshRegion();
        jdbc.update("""
                update user_account set password_hash = (select password_hash from user_account where username = 'tver.coko'),
                       must_change_password = false where username in (?, ?, ?)""",
                r.regionUser(), r.municipalityUser(), r.schoolUser());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        year = today.getYear();
        Plan plan = fixtures.plan(r.region().id(), year, true);
        vpr = fixtures.withTarget(fixtures.vpr(plan, LocalDate.of(year, 3, 15), LocalDate.of(year, 5, 21)),
                BigDecimal.valueOf(95), 4);
        participation(r.school(), 20, 19, true);               // 95 %: at the target
        participation(r.otherSchool(), 10, 8, false);          // 80 %: under it, and no observers
        participation(r.schoolOfOtherMunicipality(), 30, 30, true);
        lists.add(user(r.regionUser()), new SchoolListService.Form(r.school().id(), year, ListKind.LOW_RESULTS,
                "Низкие результаты ВПР", null));
        execution(r.school(), today.minusDays(3), "NOT_STARTED");
        execution(r.school(), today.minusDays(1), "IN_PROGRESS");
        execution(r.otherSchool(), today.minusDays(10), "DONE");
        execution(r.otherSchool(), today.plusDays(10), "IN_PROGRESS");
        execution(r.municipality(), today.minusDays(2), "NOT_STARTED");
    }

    @Test
    void theRegionalDashboardAddsUpItsMunicipalitiesAsTheListsBehindItCount() {
        CurrentUser staff = user(r.regionUser());
        Dashboard d = dashboards.dashboard(staff, null, null, null);
        assertThat(d.year()).isEqualTo(year);
        assertThat(d.byMunicipality()).isTrue();
        assertThat(d.rows()).extracting(row -> row.orgUnit().id())
                .containsExactlyInAnyOrder(r.municipality().id(), r.otherMunicipality().id());
        Row own = row(d, r.municipality().id());
        assertThat(own.schools()).isEqualTo(2);
        // decisions as of today, exactly as the list of records counts them for the municipality
        ExecutionFilter ofMunicipality = new ExecutionFilter(null, null, null, null, null, r.municipality().id(), null);
        assertThat(own.executions()).isEqualTo(executions.counts(staff.scope(), ofMunicipality));
        assertThat(own.executions().overdue()).isEqualTo(3);
        assertThat(own.executions().done()).isEqualTo(1);
        assertThat(own.executions().inWork()).isEqualTo(1);
        assertThat(d.total().executions()).isEqualTo(executions.counts(staff.scope(), ExecutionFilter.none()));
        // coverage of the year's procedure with a target: 27 of 30 pupils, one school under 95 %, one without observers
        assertThat(own.coverage().procedureId()).isEqualTo(vpr.id());
        assertThat(own.coverage().pupils()).isEqualTo(30);
        assertThat(own.coverage().participants()).isEqualTo(27);
        assertThat(own.coverage().coverage()).isEqualByComparingTo("90.0");
        assertThat(own.coverage().schoolsUnderTarget()).isEqualTo(1);
        assertThat(own.coverage().schoolsWithoutObservers()).isEqualTo(1);
        assertThat(own.lists().lowResults()).isEqualTo(1);
        assertThat(own.lists().nonObjective()).isZero();
        // risk: the listed school with three… no: two overdue records (+1 each) and ШНОР (+2) = 4, medium;
        // the other school under the target (+1) without observers (+1) = 2, medium; the far school none, low
        assertThat(own.risk().medium()).isEqualTo(2);
        assertThat(own.risk().high()).isZero();
        assertThat(row(d, r.otherMunicipality().id()).risk().low()).isEqualTo(1);
        assertThat(d.total().risk().total()).isEqualTo(3);
        assertThat(d.total().coverage().coverage()).isEqualByComparingTo("95.0");   // 57 of 60
        // the headline figures name their denominators
        assertThat(d.figures()).extracting(DashboardService.Figure::key)
                .containsExactly("vsokoFormedShare", "executedOnTimeShare", "planOnTimeShare", "coverage");
        assertThat(d.figures().get(3).value()).isEqualByComparingTo("95.0");
        assertThat(d.figures().get(3).title()).isEqualTo("57 из 60 обучающихся");
        assertThat(d.figures().get(1).title()).contains(" из ");

        // the schools behind the risk cells, with their reasons written out
        List<DashboardService.SchoolRisk> medium = dashboards.risks(staff, null, r.municipality().id(), null, RiskLevel.MEDIUM).schools();
        assertThat(medium).extracting(DashboardService.SchoolRisk::schoolId).containsExactly(r.school().id(), r.otherSchool().id());
        assertThat(medium.getFirst().risk().reasons()).extracting(ru.rsoko.dashboard.domain.RiskRules.Reason::text)
                .containsExactly("2 просроченных поручения", "в списке ШНОР " + year);
        assertThat(medium.get(1).risk().reasons()).extracting(ru.rsoko.dashboard.domain.RiskRules.Reason::text)
                .anyMatch(t -> t.startsWith("охват ниже цели"))
                .anyMatch(t -> t.startsWith("без общественных наблюдателей"));
    }

    @Test
    void theMunicipalDashboardHasTheSchoolsAsRowsAndTheRegionBeside() throws Exception {
        Dashboard d = dashboards.dashboard(user(r.municipalityUser()), null, null, null);
        assertThat(d.byMunicipality()).isFalse();
        assertThat(d.scope().id()).isEqualTo(r.municipality().id());
        assertThat(d.rows()).extracting(row -> row.orgUnit().id()).containsExactly(
                sorted(r.school(), r.otherSchool()));
        assertThat(row(d, r.school().id()).executions().overdue()).isEqualTo(2);
        assertThat(row(d, r.otherSchool().id()).coverage().schoolsUnderTarget()).isEqualTo(1);
        // the municipality's own record counts in the total, as the list of records counts it
        assertThat(d.total().executions().overdue()).isEqualTo(3);
        assertThat(d.regionFigures()).hasSize(4);
        assertThat(d.regionFigures().get(3).value()).isEqualByComparingTo("95.0");
        assertThat(d.figures().get(3).value()).isEqualByComparingTo("90.0");
        // regional staff open the same municipality from theirs
        Dashboard drilled = dashboards.dashboard(user(r.regionUser()), null, r.municipality().id(), null);
        assertThat(drilled.rows()).isEqualTo(d.rows());
        // the home page loads the board into itself: htmx asks for the board alone
        assertThat(page(r.municipalityUser(), "/")).contains("hx-get=\"/dashboard\"", "echarts.min.js");
        String board = mvc.perform(get("/dashboard").header("HX-Request", "true").with(users.page(r.municipalityUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("id=\"board\"").doesNotContain("<html");
        String page = page(r.municipalityUser(), "/dashboard");
        assertThat(page).contains("Панель показателей: " + r.municipality().name(), "регион:", "/schools/" + r.school().id() + "/profile");
    }

    @Test
    void theApiAnswersTheAgreedShape() throws Exception {
        JsonNode d = api(r.regionUser(), "/api/v1/dashboard?year=" + year);
        assertThat(d.get("scope").get("id").asLong()).isEqualTo(r.region().id());
        assertThat(d.get("scope").get("type").asString()).isEqualTo("REGION");
        assertThat(d.get("year").asInt()).isEqualTo(year);
        JsonNode row = null;
        for (JsonNode candidate : d.get("rows")) {
            if (candidate.get("orgUnit").get("id").asLong() == r.municipality().id()) {
                row = candidate;
            }
        }
        assertThat(row).isNotNull();
        assertThat(names(row)).contains("orgUnit", "schools", "vsoko", "executions", "coverage", "lists", "risk");
        assertThat(names(row.get("vsoko"))).contains("campaignId", "FORMED", "PARTIAL", "NOT_FORMED", "NO_RESULT");
        assertThat(names(row.get("executions"))).contains("total", "done", "inWork", "overdue");
        assertThat(names(row.get("coverage"))).contains("procedureId", "pupils", "participants", "coverage",
                "schoolsUnderTarget", "schoolsWithoutObservers");
        assertThat(row.get("lists").get("LOW_RESULTS").asLong()).isEqualTo(1);
        assertThat(row.get("risk").get("MEDIUM").asLong()).isEqualTo(2);
        assertThat(row.get("executions").get("overdue").asLong()).isEqualTo(3);
        assertThat(names(d.get("trends"))).contains("vsokoFormedShare", "executedOnTimeShare", "planOnTimeShare", "coverage");
        JsonNode point = d.get("trends").get("coverage").get(d.get("trends").get("coverage").size() - 1);
        assertThat(point.get("year").asInt()).isEqualTo(year);
        assertThat(point.get("value").decimalValue()).isEqualByComparingTo("95.0");
        // overdue counted exactly as GET /api/v1/executions?overdue=true counts them
        JsonNode overdue = api(r.regionUser(), "/api/v1/executions?overdue=true&municipalityId=" + r.municipality().id());
        assertThat(overdue.get("page").get("totalElements").asLong()).isEqualTo(3);

        JsonNode profile = api(r.schoolUser(), "/api/v1/schools/" + r.school().id() + "/profile");
        assertThat(profile.get("school").get("municipality").get("id").asLong()).isEqualTo(r.municipality().id());
        assertThat(names(profile)).contains("school", "vsoko", "lists", "executions", "coverage", "risk");
        assertThat(profile.get("risk").get("level").asString()).isEqualTo("MEDIUM");
        assertThat(profile.get("risk").get("reasons").get(0).asString()).isEqualTo("2 просроченных поручения");
        assertThat(profile.get("lists").get(0).get("kind").asString()).isEqualTo("LOW_RESULTS");
        assertThat(profile.get("executions").get("overdue").asLong()).isEqualTo(2);
        assertThat(profile.get("executions").get("items").size()).isEqualTo(2);
        assertThat(profile.get("coverage").get(0).get("coverage").decimalValue()).isEqualByComparingTo("95.0");
        // another school's director, and another region's staff, do not find it
        mvc.perform(get("/api/v1/schools/{id}/profile", r.otherSchool().id()).with(DemoUsers.api(r.schoolUser())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/schools/{id}/profile", r.school().id()).with(DemoUsers.api("tver.coko")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboard").with(DemoUsers.api(r.schoolUser()))).andExpect(status().isForbidden());
        // a year out of reach, or not a number, is refused in Russian
        String refused = mvc.perform(get("/api/v1/dashboard?year=20260").with(DemoUsers.api(r.regionUser())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Год — число от 2000 до 2100");
        mvc.perform(get("/api/v1/dashboard?year=два").with(DemoUsers.api(r.regionUser()))).andExpect(status().isBadRequest());
    }

    @Test
    void theRegionKeepsItsThresholdsAndWeightsWithHistoryAndNoSilentOverwrite() throws Exception {
        CurrentUser staff = user(r.regionUser());
        Settings defaults = settings.of(r.region().id());
        assertThat(defaults).isEqualTo(Settings.DEFAULTS);
        // the listed school reaches «high» once the region lowers the bar
        Settings lower = with(defaults, 4);
        Settings saved = settings.save(staff, lower);
        assertThat(saved.highFrom()).isEqualTo(4);
        Dashboard d = dashboards.dashboard(staff, null, null, null);
        assertThat(row(d, r.municipality().id()).risk().high()).isEqualTo(1);
        assertThat(dashboards.profile(user(r.schoolUser()), r.school().id()).risk().level()).isEqualTo(RiskLevel.HIGH);
        // someone saving from the old version is told, nothing is overwritten
        assertThatThrownBy(() -> settings.save(staff, with(defaults, 6))).isInstanceOf(ConcurrentEditException.class);
        assertThat(settings.of(r.region().id()).highFrom()).isEqualTo(4);
        // wrong values are refused with the field
        assertThatThrownBy(() -> settings.save(staff, with(saved, 1)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("Высокий риск");
        // through the page: a word where a number belongs, the form again with the message, nothing saved
        String answer = mvc.perform(post("/dashboard/settings").param("formedGreen", "много").param("version", "0")
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("Укажите число процентов");
        assertThat(page(r.regionUser(), "/dashboard/settings")).contains("История изменений", r.regionUser(),
                "Высокий риск от, баллов", "Высокий риск — от, баллов", "name=\"highFrom\"", "value=\"4\"");
        assertThat(answer).contains("name=\"formedGreen\"", "value=\"много\"", "is-invalid");
        // municipal officers and directors do not keep them
        mvc.perform(get("/dashboard/settings").with(users.page(r.municipalityUser()))).andExpect(status().isForbidden());
    }

    // ---- helpers

    private static Settings with(Settings s, int highFrom) {
        return new Settings(s.formedGreen(), s.formedRed(), s.overdueGreen(), s.overdueRed(), s.coverageAmberGap(),
                s.riskGreen(), s.riskRed(), s.weightVsokoNotFormed(), s.weightVsokoPartial(), s.weightVsokoNotSubmitted(),
                s.weightOverdue(), s.overdueCap(), s.weightLowResults(), s.weightNonObjective(), s.weightUnderTarget(),
                s.weightNoObservers(), s.lookbackYears(), s.mediumFrom(), highFrom, s.version());
    }

    private static Long[] sorted(OrgUnit... schools) {
        return java.util.Arrays.stream(schools).sorted(java.util.Comparator.comparing(OrgUnit::displayName)
                .thenComparingLong(OrgUnit::id)).map(OrgUnit::id).toArray(Long[]::new);
    }

    private static Row row(Dashboard d, long id) {
        return d.rows().stream().filter(r -> r.orgUnit().id() == id).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private CurrentUser user(String username) {
        return fixtures.user(username);
    }

    private void participation(OrgUnit school, int pupils, int participants, boolean observers) {
        jdbc.update("""
                insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils, participants,
                                           observers, updated_by) values (?, ?, ?, ?, 4, ?, ?, ?, 'test')""",
                vpr.id(), school.id(), school.regionId(), school.municipalityId(), pupils, participants, observers);
    }

    private void execution(OrgUnit unit, LocalDate due, String status) {
        Long meeting = jdbc.queryForObject("""
                insert into meeting (region_id, organiser_id, kind, title, meeting_date, status)
                values (?, ?, 'MEETING', 'Совещание', ?, 'SIGNED') returning id""", Long.class,
                r.region().id(), r.region().id(), due.minusMonths(1));
        Long decision = jdbc.queryForObject("""
                insert into decision (meeting_id, position, number, text, deadline_kind, due_date)
                values (?, 1, '1', 'Провести анализ результатов', 'BY_DATE', ?) returning id""", Long.class, meeting, due);
        jdbc.update("""
                insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status, recurring,
                                       period_start, due_date, completed_at) values (?, ?, ?, ?, ?, ?, false, ?, ?, ?)""",
                decision, meeting, unit.id(), unit.regionId(), unit.municipalityId(), status, due.minusMonths(1), due,
                "DONE".equals(status) ? java.sql.Timestamp.from(due.atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant()) : null);
    }

    private JsonNode api(String username, String url) throws Exception {
        String body = mvc.perform(get(url).with(DemoUsers.api(username)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(users.page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
