package ru.rsoko.task.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.web.Share;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The region's tasks and the figures they are checked against, computed from records of a region made for the test. */
@IntegrationTest
class TaskTest {

    private static final int YEAR = 2021;

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
    TaskMetrics metrics;
    @Autowired
    VsokoResults vsokoResults;
    @Autowired
    PlanExecutionService planExecution;

    PlanFixtures.TestRegion r;

    @BeforeEach
    void region() {
        r = fixtures.freshRegion();
        jdbc.update("""
                update user_account set password_hash = (select password_hash from user_account where username = 'tver.coko'),
                       must_change_password = false where username in (?, ?, ?)""",
                r.regionUser(), r.municipalityUser(), r.schoolUser());
    }

    @Test
    void vprCoverageAndObserversAreComputedForTheViewersPartOfTheRegion() {
        Plan plan = fixtures.plan(r.region().id(), YEAR, true);
        Procedure vpr = fixtures.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        participation(vpr, r.school(), 4, 20, 19, true);
        participation(vpr, r.otherSchool(), 4, 10, 10, false);
        participation(vpr, r.schoolOfOtherMunicipality(), 4, 30, 27, true);
        participation(vpr, r.schoolOfOtherMunicipality(), 5, 0, 0, true);
        // a procedure without a coverage target and without observers counts for neither
        Procedure other = fixtures.procedure(plan, "TEACHER_DIFFICULTIES", "Диагностика затруднений учителей",
                LocalDate.of(YEAR, 10, 1), LocalDate.of(YEAR, 10, 20));
        participation(other, r.school(), 9, 100, 1, false);

        assertThat(figure(r.regionUser(), TaskMetric.VPR_COVERAGE)).isEqualByComparingTo("93.3");      // 56 / 60
        assertThat(figure(r.municipalityUser(), TaskMetric.VPR_COVERAGE)).isEqualByComparingTo("96.7"); // 29 / 30
        assertThat(figure(r.schoolUser(), TaskMetric.VPR_COVERAGE)).isEqualByComparingTo("95.0");       // 19 / 20
        assertThat(figure(r.regionUser(), TaskMetric.OBSERVER_SHARE)).isEqualByComparingTo("66.7");     // 2 of 3 schools
        assertThat(figure(r.municipalityUser(), TaskMetric.OBSERVER_SHARE)).isEqualByComparingTo("50.0");
        assertThat(figure(r.schoolUser(), TaskMetric.OBSERVER_SHARE)).isEqualByComparingTo("100.0");

        // a row without observers anywhere spoils the school's «every procedure»
        participation(vpr, r.school(), 5, 10, 10, false);
        assertThat(figure(r.schoolUser(), TaskMetric.OBSERVER_SHARE)).isEqualByComparingTo("0.0");
        assertThat(figure(r.schoolUser(), TaskMetric.VPR_COVERAGE)).isEqualByComparingTo("96.7");       // 29 / 30
    }

    @Test
    void withoutRecordsThereIsNoFigure() {
        for (TaskMetric metric : TaskMetric.values()) {
            assertThat(figure(r.regionUser(), metric)).as(metric.name()).isNull();
        }
        // a draft plan's participation is not counted: the plan is not yet the region's
        Plan draft = fixtures.plan(r.region().id(), YEAR, false);
        Procedure vpr = fixtures.vpr(draft, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        participation(vpr, r.school(), 4, 20, 20, true);
        assertThat(figure(r.regionUser(), TaskMetric.VPR_COVERAGE)).isNull();
        assertThat(figure(r.regionUser(), TaskMetric.OBSERVER_SHARE)).isNull();
    }

    @Test
    void decisionsOnTimeAreJudgedOnTheDayOfTheRegion() {
        // done at 00:30 Moscow time on 1 June: a day late in the region, though still 31 May in UTC
        execution(r.school(), false, LocalDate.of(YEAR, 5, 31), "DONE", Instant.parse("2021-05-31T21:30:00Z"));
        execution(r.school(), false, LocalDate.of(YEAR, 6, 30), "DONE", Instant.parse("2021-06-20T08:00:00Z"));
        execution(r.otherSchool(), false, LocalDate.of(YEAR, 4, 30), "NOT_STARTED", null);
        execution(r.schoolOfOtherMunicipality(), false, LocalDate.of(YEAR, 3, 1), "DONE", Instant.parse("2021-02-25T08:00:00Z"));
        // not counted: ongoing, due another year
        execution(r.school(), true, LocalDate.of(YEAR, 9, 30), "IN_PROGRESS", null);
        execution(r.school(), false, LocalDate.of(YEAR + 1, 1, 10), "DONE", Instant.parse("2021-12-20T08:00:00Z"));

        assertThat(figure(r.regionUser(), TaskMetric.DECISIONS_ON_TIME_SHARE)).isEqualByComparingTo("50.0");     // 2 of 4
        assertThat(figure(r.municipalityUser(), TaskMetric.DECISIONS_ON_TIME_SHARE)).isEqualByComparingTo("33.3"); // 1 of 3
        assertThat(figure(r.schoolUser(), TaskMetric.DECISIONS_ON_TIME_SHARE)).isEqualByComparingTo("50.0");     // 1 of 2
    }

    @Test
    void vsokoAndPlanFiguresAreThoseTheirFeaturesCompute() {
        long tver = jdbc.queryForObject("select id from org_unit where type = 'REGION' and name = 'Тверская область'", Long.class);
        long campaign = jdbc.queryForObject("select id from vsoko_campaign where region_id = ? and year = 2022 "
                + "and status = 'PUBLISHED' order by published_at desc limit 1", Long.class, tver);
        for (String username : List.of("tver.coko", "sonkovo.mouo", "kalinin.mouo")) {
            CurrentUser user = fixtures.user(username);
            VsokoResults.Total total = vsokoResults.total(user, campaign);
            assertThat(metrics.compute(user, tver, 2022, TaskMetric.VSOKO_FORMED_SHARE)).as(username)
                    .isEqualTo(total.shareOf(Level.FORMED));
        }
        assertThat(metrics.compute(fixtures.user("tver.coko"), tver, 2022, TaskMetric.PLAN_ON_TIME_SHARE))
                .isEqualTo(planExecution.onTimeShare(tver, 2022).orElse(null));

        Plan plan = fixtures.plan(r.region().id(), YEAR, true);
        fixtures.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        assertThat(metrics.compute(fixtures.user(r.municipalityUser()), r.region().id(), YEAR, TaskMetric.PLAN_ON_TIME_SHARE))
                .isEqualTo(planExecution.onTimeShare(r.region().id(), YEAR).orElse(null));
    }

    @Test
    void theApiShowsEachViewerTheFiguresOfTheirPart() throws Exception {
        Plan plan = fixtures.plan(r.region().id(), YEAR, true);
        Procedure vpr = fixtures.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        participation(vpr, r.school(), 4, 20, 19, true);
        participation(vpr, r.otherSchool(), 4, 10, 10, false);
        participation(vpr, r.schoolOfOtherMunicipality(), 4, 30, 27, true);
        long coverage = create("Обеспечить 100% охват участием в ВПР обучающихся 4 - 8 классов", "VPR_COVERAGE", "95");
        long plain = create("Обеспечить информационную открытость ОО и МОУО.", null, null);
        long decisions = create("Исполнять решения в срок", "DECISIONS_ON_TIME_SHARE", "90");

        JsonNode region = api(r.regionUser(), "/api/v1/tasks?year=" + YEAR);
        assertThat(region.size()).isEqualTo(3);
        JsonNode first = region.get(0);
        List<String> fields = new ArrayList<>();
        first.propertyNames().forEach(fields::add);
        // year and version: what the write API's changes read and name (PUT / DELETE /api/v1/tasks/{id})
        assertThat(fields).containsExactlyInAnyOrder("id", "position", "text", "metric", "target", "current", "reached",
                "year", "version");
        assertThat(first.get("id").asLong()).isEqualTo(coverage);
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("metric").asString()).isEqualTo("VPR_COVERAGE");
        assertThat(first.get("target").decimalValue()).isEqualByComparingTo("95");
        assertThat(first.get("current").decimalValue()).isEqualByComparingTo("93.3");
        assertThat(first.get("reached").asBoolean()).isFalse();
        assertThat(region.get(1).get("id").asLong()).isEqualTo(plain);
        assertThat(region.get(1).get("current").isNull()).isTrue();
        assertThat(region.get(1).get("reached").isNull()).isTrue();
        assertThat(region.get(2).get("id").asLong()).isEqualTo(decisions);
        assertThat(region.get(2).get("current").isNull()).isTrue();

        JsonNode municipality = api(r.municipalityUser(), "/api/v1/tasks?year=" + YEAR);
        assertThat(municipality.get(0).get("current").decimalValue()).isEqualByComparingTo("96.7");
        assertThat(municipality.get(0).get("reached").asBoolean()).isTrue();
        assertThat(api(r.schoolUser(), "/api/v1/tasks?year=" + YEAR).get(0).get("current").decimalValue())
                .isEqualByComparingTo("95.0");
        // another region's people do not see these tasks; the year defaults to the current one
        assertThat(api("tver.coko", "/api/v1/tasks?year=" + YEAR).findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(coverage, plain);
        assertThat(api(r.regionUser(), "/api/v1/tasks").size()).isZero();
        mvc.perform(get("/api/v1/tasks").param("regionId", String.valueOf(r.region().id()))
                .with(DemoUsers.api("tver.coko"))).andExpect(status().isNotFound());

        // the page: the figure, the target, «нет данных», whose figures
        String page = page(r.municipalityUser(), "/tasks?year=" + YEAR);
        assertThat(page).contains("96,7 %", "95 %", "достигнута", "нет данных", "Чьи данные:", r.municipality().name() + "</strong>")
                .doesNotContain("Добавить задачу");
        assertThat(page(r.regionUser(), "/tasks?year=" + YEAR)).contains("93,3 %", "не достигнута", "Добавить задачу");
    }

    @Test
    void regionalStaffKeepTheTasksOthersOnlyRead() throws Exception {
        long a = create("Первая", null, null);
        long b = create("Вторая", "VPR_COVERAGE", "100");
        long c = create("Третья", null, null);

        mvc.perform(post("/tasks/{id}/move", c).param("direction", "up").param("version", version(c))
                .with(users.page(r.regionUser())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(order()).containsExactly(a, c, b);
        mvc.perform(post("/tasks/{id}/delete", a).param("version", version(a)).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(order()).containsExactly(c, b);
        assertThat(jdbc.queryForList("select position from annual_task where region_id = ? order by position", Integer.class,
                r.region().id())).containsExactly(1, 2);

        // two people editing one task: the second is told, nothing is overwritten
        String stale = version(b);
        mvc.perform(post("/tasks/{id}", b).param("text", "Вторая, уточнённая").param("metric", "VPR_COVERAGE")
                .param("target", "99,5").param("version", stale).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String answer = mvc.perform(post("/tasks/{id}", b).param("text", "Вторая, другая").param("version", stale)
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("Запись уже изменил другой пользователь");
        assertThat(jdbc.queryForObject("select text from annual_task where id = ?", String.class, b)).isEqualTo("Вторая, уточнённая");
        assertThat(jdbc.queryForObject("select target from annual_task where id = ?", BigDecimal.class, b)).isEqualByComparingTo("99.5");

        // a target needs a figure
        String refused = mvc.perform(post("/tasks").param("text", "Без показателя").param("target", "50")
                        .param("year", String.valueOf(YEAR)).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Цель в процентах ставится на показатель");

        // history: who changed what
        assertThat(page(r.schoolUser(), "/tasks/" + b)).contains("Вторая, уточнённая", "История изменений", r.regionUser());

        // others read only; another region's task is not found
        mvc.perform(post("/tasks/{id}/delete", b).param("version", version(b)).with(users.page(r.municipalityUser())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tasks/{id}/edit", b).with(users.page(r.schoolUser()))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/{id}", b).with(users.page("tver.coko"))).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/{id}/delete", b).param("version", version(b)).with(users.page("tver.coko")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(order()).containsExactly(c, b);
    }

    // ---- helpers

    private BigDecimal figure(String username, TaskMetric metric) {
        Share share = metrics.compute(fixtures.user(username), r.region().id(), YEAR, metric);
        return share == null ? null : share.percent();
    }

    private void participation(Procedure procedure, OrgUnit school, int grade, int pupils, int participants, boolean observers) {
        jdbc.update("""
                insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils, participants,
                                           observers, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, 'test')""",
                procedure.id(), school.id(), school.regionId(), school.municipalityId(), grade, pupils,
                participants, observers);
    }

    private void execution(OrgUnit unit, boolean recurring, LocalDate due, String status, Instant completedAt) {
        Long meeting = jdbc.queryForObject("""
                insert into meeting (region_id, organiser_id, kind, title, meeting_date, status)
                values (?, ?, 'MEETING', 'Совещание', ?, 'SIGNED') returning id""", Long.class,
                r.region().id(), r.region().id(), LocalDate.of(YEAR, 1, 20));
        Long decision = jdbc.queryForObject("""
                insert into decision (meeting_id, position, number, text, deadline_kind, due_date)
                values (?, 1, '1', 'Решение', 'BY_DATE', ?) returning id""", Long.class, meeting, due);
        jdbc.update("""
                insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status, recurring,
                                       period_start, due_date, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                decision, meeting, unit.id(), unit.regionId(), unit.municipalityId(), status, recurring,
                LocalDate.of(YEAR, 1, 20), due, completedAt == null ? null : Timestamp.from(completedAt));
    }

    private long create(String text, String metric, String target) throws Exception {
        var request = post("/tasks").param("text", text).param("year", String.valueOf(YEAR))
                .with(users.page(r.regionUser())).with(csrf());
        if (metric != null) {
            request.param("metric", metric);
        }
        if (target != null) {
            request.param("target", target);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select max(id) from annual_task where region_id = ?", Long.class, r.region().id());
    }

    private String version(long id) {
        return String.valueOf(jdbc.queryForObject("select version from annual_task where id = ?", Long.class, id));
    }

    private List<Long> order() {
        return jdbc.queryForList("select id from annual_task where region_id = ? and year = ? order by position", Long.class,
                r.region().id(), YEAR);
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
