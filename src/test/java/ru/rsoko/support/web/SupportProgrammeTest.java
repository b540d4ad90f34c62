package ru.rsoko.support.web;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.notification.domain.NotificationKind;
import ru.rsoko.notification.domain.Reminders;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * A ШНОР school's support programme end to end: who may make it (a school of the year's ШНОР list only), the
 * measures' overdue by the region's date, the director's reports with versions, the statuses' moves, the regional
 * report and the reminders.
 */
@IntegrationTest
class SupportProgrammeTest {

    private static final String ZARECHNAYA = "МОУ «Заречная СОШ»";
    private static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DemoUsers users;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyASchoolOfTheYearsListGetsAProgrammeAndOnlyItsKeepersMakeIt() throws Exception {
        long school = fixtures.org(ZARECHNAYA).id();
        String body = "{\"year\":2073,\"title\":\"Программа 2073\",\"goal\":\"Цель\","
                + "\"risks\":[{\"factor\":\"STAFF_SHORTAGE\",\"levelBefore\":\"HIGH\"}],"
                + "\"measures\":[{\"text\":\"Мера\",\"riskFactor\":\"STAFF_SHORTAGE\",\"responsible\":\"Директор\",\"dueOn\":\"2073-05-01\"}]}";
        create(school, body, "sonkovo.mouo").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").value(startsWith("Школы «Заречная СОШ» нет в списке ШНОР 2073 года")));
        list(school, 2073);
        // the director and the administrator do not keep programmes; another municipality and region do not see the school
        create(school, body, "sonkovo.school").andExpect(status().isNotFound());
        create(school, body, "tver.admin").andExpect(status().isForbidden());
        create(school, body, "kalinin.mouo").andExpect(status().isNotFound());
        create(school, body, "tomsk.coko").andExpect(status().isNotFound());
        MvcResult made = create(school, body, "sonkovo.mouo").andExpect(status().isCreated())
                .andExpect(jsonPath("$.school.name").value("Заречная СОШ"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.risks[0].factorName").value("Дефицит педагогических кадров"))
                .andExpect(jsonPath("$.measures[0].status").value("PLANNED"))
                .andReturn();
        create(school, body, "tver.coko").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").value("У школы уже есть программа поддержки 2073 года"));
        long id = ((Number) JsonPath.read(made.getResponse().getContentAsString(), "$.id")).longValue();
        long version = ((Number) JsonPath.read(made.getResponse().getContentAsString(), "$.version")).longValue();

        // DRAFT → CLOSED is not a move; ACTIVE needs its approval date; a stale version is a conflict
        String update = "{\"title\":\"Программа 2073\",\"status\":\"%s\",\"approvedOn\":%s,\"version\":%d}";
        mvc.perform(put("/api/v1/support-programmes/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted("CLOSED", "\"2073-09-15\"", version)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").value("Программа в статусе «Проект» не может перейти в статус «Завершена»"));
        mvc.perform(put("/api/v1/support-programmes/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted("ACTIVE", "null", version)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.approvedOn").value("Укажите дату утверждения программы"));
        mvc.perform(put("/api/v1/support-programmes/{id}", id).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted("ACTIVE", "\"2073-09-15\"", version)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/support-programmes/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted("ACTIVE", "\"2073-09-15\"", version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.approvedOn").value("2073-09-15"));
        mvc.perform(put("/api/v1/support-programmes/{id}", id).with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted("ACTIVE", "\"2073-09-16\"", version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));

        // the administrator reads it; the history names the change of status
        mvc.perform(get("/api/v1/schools/{id}/support-programmes", school).with(api("tver.admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("ACTIVE"));
        mvc.perform(get("/support-programmes/{id}", id).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("История изменений")))
                .andExpect(content().string(containsString("Проект")))
                .andExpect(content().string(containsString("Действует")));
        mvc.perform(get("/support-programmes/{id}", id).with(users.page("kalinin.mouo"))).andExpect(status().isNotFound());
    }

    @Test
    void aMeasureIsOverdueFromTheDayAfterItsDeadlineInTheRegionsTimeZoneAndTheDirectorReportsIt() throws Exception {
        long school = fixtures.org(BEREZOVSKAYA).id();
        list(school, 2074);
        // 22:30 UTC of 10.03.2074 is already 11.03 in Tver (UTC+3): a measure due 10.03 is overdue there
        clock.set(Instant.parse("2074-03-10T22:30:00Z"));
        String body = """
                {"year":2074,"title":"Программа 2074","measures":[
                  {"text":"Срок вчера по Твери","responsible":"Завуч","dueOn":"2074-03-10"},
                  {"text":"Срок сегодня","responsible":"Завуч","dueOn":"2074-03-11"},
                  {"text":"Выполнена","responsible":"Завуч","dueOn":"2074-03-01"},
                  {"text":"Отменена","responsible":"Завуч","dueOn":"2074-03-01"}]}""";
        MvcResult made = create(school, body, "tver.coko").andExpect(status().isCreated())
                .andExpect(jsonPath("$.measureCounts.total").value(4))
                .andExpect(jsonPath("$.measureCounts.overdue").value(3))
                .andExpect(jsonPath("$.measures[0].overdue").value(true))
                .andExpect(jsonPath("$.measures[1].overdue").value(false))
                .andReturn();
        String json = made.getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(json, "$.measures[*].id");
        long done = ids.get(2);
        long cancelled = ids.get(3);

        String report = "{\"status\":\"%s\",\"doneOn\":%s,\"report\":%s,\"version\":%d}";
        // only the school's director reports; another school's director does not see the measure
        reportAs("sonkovo.mouo", done, report.formatted("DONE", "\"2074-03-01\"", "\"Сделано\"", 0)).andExpect(status().isForbidden());
        reportAs("kalinin.school", done, report.formatted("DONE", "\"2074-03-01\"", "\"Сделано\"", 0)).andExpect(status().isNotFound());
        reportAs("sonkovo.school", done, report.formatted("DONE", "\"2074-03-01\"", "null", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.report").value("Опишите, что сделано: отчёт о выполнении обязателен"));
        reportAs("sonkovo.school", done, report.formatted("DONE", "\"2074-03-12\"", "\"Сделано\"", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneOn").value("Дата выполнения не может быть позже сегодняшней (11.03.2074)"));
        reportAs("sonkovo.school", done, report.formatted("DONE", "\"2074-03-01\"", "\"Проведено 2 занятия\"", 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.overdue").value(false));
        reportAs("sonkovo.school", done, report.formatted("IN_PROGRESS", "null", "\"Ещё раз\"", 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));
        reportAs("sonkovo.school", cancelled, report.formatted("CANCELLED", "null", "\"Не нужна\"", 0))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/schools/{id}/support-programmes", school).with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == 2074)].measureCounts.total").value(4))
                .andExpect(jsonPath("$[?(@.year == 2074)].measureCounts.done").value(1))
                .andExpect(jsonPath("$[?(@.year == 2074)].measureCounts.overdue").value(1));

        // the regional report of the year: the school with its counts, downloadable; another municipality sees nothing of it
        mvc.perform(get("/support-programmes").param("year", "2074").with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Берёзовская СОШ")))
                .andExpect(content().string(containsString("<td class=\"text-end measures-overdue text-danger fw-bold\">1</td>")));
        mvc.perform(get("/support-programmes").param("year", "2074").with(users.page("kalinin.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Берёзовская СОШ"))));
        mvc.perform(get("/support-programmes.xlsx").param("year", "2074").with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk());
        // the demo year: schools of the list without a programme are shown, with the keeper's link to make one
        mvc.perform(get("/support-programmes").param("year", "2021").with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Полевая ООШ")))
                .andExpect(content().string(containsString(">составить</a>")));
        // the school's profile section
        mvc.perform(get("/schools/{id}/support-programme", school).with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2074: Программа 2074")));
    }

    @Test
    void theSchoolIsRemindedOnceOfMeasuresDueSoonAndOfThoseMissed() throws Exception {
        long school = fixtures.org(BEREZOVSKAYA).id();
        long tver = fixtures.org("Тверская область").id();
        ZoneId zone = fixtures.org("Тверская область").zone();
        LocalDate today = LocalDate.now(zone);
        list(school, 2075);
        create(school, """
                {"year":2075,"title":"Программа 2075","measures":[
                  {"text":"Через неделю","responsible":"Завуч","dueOn":"%s"},
                  {"text":"Вчера","responsible":"Завуч","dueOn":"%s"}]}""".formatted(today.plusDays(7), today.minusDays(1)),
                "tver.coko").andExpect(status().isCreated());

        Reminders.Run first = reminders.run(tver, today);
        assertThat(first.told().get(NotificationKind.DEADLINE_SOON)).isPositive();
        assertThat(first.told().get(NotificationKind.DEADLINE_MISSED)).isPositive();
        assertThat(told("support-soon:7:" + today)).isEqualTo(1);
        assertThat(told("support-missed:" + today)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select n.body from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.school' and n.dedup_key = ?""", String.class, "support-missed:" + today))
                .contains("Срок выполнения мер программы поддержки школы истёк");
        reminders.run(tver, today);
        assertThat(told("support-soon:7:" + today)).isEqualTo(1);
        assertThat(told("support-missed:" + today)).isEqualTo(1);
    }

    private long told(String occasion) {
        return jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.school' and n.dedup_key = ?""", Long.class, occasion);
    }

    private void list(long school, int year) throws Exception {
        mvc.perform(post("/api/v1/school-lists").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolId\":%d,\"year\":%d,\"kind\":\"LOW_RESULTS\",\"basis\":\"ВПР\"}".formatted(school, year)))
                .andExpect(status().isCreated());
    }

    private org.springframework.test.web.servlet.ResultActions create(long school, String body, String who) throws Exception {
        return mvc.perform(post("/api/v1/schools/{id}/support-programmes", school).with(api(who))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private org.springframework.test.web.servlet.ResultActions reportAs(String who, long measure, String body) throws Exception {
        return mvc.perform(put("/api/v1/support-measures/{id}/report", measure).with(api(who))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
