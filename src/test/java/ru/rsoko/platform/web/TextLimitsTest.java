package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.Role;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Every main write of free text has its limit, the same for pages and the API: one character over it is a 400 that
 * says «Не больше N символов» and names the field, and nothing is written; exactly the limit is accepted. A JSON body
 * of 10 MB is refused with 413 before it is read.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class TextLimitsTest {

    private static final AtomicInteger YEAR = new AtomicInteger(2060);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeetingFixtures meetingFixtures;

    /** A write of a fresh record; {@code json} has {@code %s} where the text goes; {@code stored} counts what it wrote. */
    record Write(String user, HttpMethod method, String path, String json, String stored, Object... args) {
    }

    record Case(String name, String field, int limit, int accepted, Supplier<Write> fresh) {
    }

    private List<Case> cases() {
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        return List.of(
                new Case("отчёт об исполнении", "report", TextLimits.TEXT, 200, () -> {
                    ExecutionRecord r = execution();
                    return new Write("sonkovo.school", HttpMethod.PATCH, "/api/v1/executions/" + r.id(),
                            "{\"status\":\"IN_PROGRESS\",\"report\":\"%s\",\"version\":" + r.version() + "}",
                            "select count(*) from execution where id = ? and version > " + r.version(), r.id());
                }),
                new Case("причина невыполнения", "reason", TextLimits.TEXT, 200, () -> {
                    ExecutionRecord r = execution();
                    return new Write("sonkovo.school", HttpMethod.PATCH, "/api/v1/executions/" + r.id(),
                            "{\"status\":\"NOT_DONE\",\"reason\":\"%s\",\"version\":" + r.version() + "}",
                            "select count(*) from execution where id = ? and version > " + r.version(), r.id());
                }),
                new Case("тема мероприятия", "title", 1000, 200, () -> {
                    MeetingView m = meetingFixtures.meeting("tver.coko", false);
                    return new Write("tver.coko", HttpMethod.PUT, "/api/v1/meetings/" + m.id(),
                            "{\"title\":\"%s\",\"date\":\"" + today + "\",\"version\":" + m.version() + "}",
                            "select count(*) from meeting where id = ? and version > " + m.version(), m.id());
                }),
                new Case("текст задачи", "text", 5000, 201, () -> {
                    int year = YEAR.incrementAndGet();
                    return new Write("tver.coko", HttpMethod.POST, "/api/v1/tasks", "{\"text\":\"%s\",\"year\":" + year + "}",
                            "select count(*) from annual_task where year = ?", year);
                }),
                new Case("основание включения в список", "basis", 2000, 201, () -> {
                    OrgUnit school = fixtures.newSchool(fixtures.org("Сонковский муниципальный округ"));
                    return new Write("tver.coko", HttpMethod.POST, "/api/v1/school-lists",
                            "{\"schoolId\":" + school.id() + ",\"year\":2021,\"kind\":\"LOW_RESULTS\",\"basis\":\"%s\"}",
                            "select count(*) from school_list_entry where school_id = ?", school.id());
                }),
                new Case("наименование организации", "name", 300, 200, () -> {
                    OrgUnit school = fixtures.newSchool(fixtures.org("Сонковский муниципальный округ"));
                    return new Write("tver.admin", HttpMethod.PUT, "/api/v1/org-units/" + school.id(),
                            "{\"type\":\"SCHOOL\",\"name\":\"%s\",\"version\":" + school.version() + "}",
                            "select count(*) from org_unit where id = ? and version > " + school.version(), school.id());
                }),
                new Case("ФИО", "fullName", 200, 200, () -> {
                    var account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
                    return new Write("tver.admin", HttpMethod.PUT, "/api/v1/accounts/" + account.id(),
                            "{\"fullName\":\"%s\",\"role\":\"SCHOOL\",\"orgUnitId\":" + account.orgUnitId()
                                    + ",\"version\":" + account.version() + "}",
                            "select count(*) from user_account where id = ? and version > " + account.version(), account.id());
                }),
                new Case("название токена", "name", 100, 201, () -> new Write("sonkovo.mouo", HttpMethod.POST,
                        "/api/v1/me/tokens", "{\"name\":\"%s\"}",
                        "select count(*) from api_token where name like 'т%%' and length(name) >= 100")));
    }

    @Test
    void oneCharacterOverTheLimitIsRefusedNamingTheFieldAndTheLimitIsAccepted() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            Write over = c.fresh().get();
            long before = count(over);
            MockHttpServletResponse refused = perform(over, text(c.limit() + 1));
            String problem = refused.getContentAsString(StandardCharsets.UTF_8);
            if (refused.getStatus() != 400 || !problem.contains("Не больше " + c.limit() + " символов")
                    || !problem.contains("\"" + c.field() + "\"")) {
                wrong.add(c.name() + ", " + (c.limit() + 1) + " символов: " + refused.getStatus() + " "
                        + problem.substring(0, Math.min(300, problem.length())));
            }
            if (count(over) != before) {
                wrong.add(c.name() + ": отказ, но записано");
            }
            Write exact = c.fresh().get();
            MockHttpServletResponse accepted = perform(exact, text(c.limit()));
            if (accepted.getStatus() != c.accepted()) {
                String body = accepted.getContentAsString(StandardCharsets.UTF_8);
                wrong.add(c.name() + ", ровно " + c.limit() + " символов: " + accepted.getStatus() + " "
                        + body.substring(0, Math.min(300, body.length())));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aJsonBodyOfTenMegabytesIsRefusedBeforeItIsRead() throws Exception {
        ExecutionRecord r = execution();
        String huge = "{\"status\":\"IN_PROGRESS\",\"report\":\"" + "о".repeat(5 * 1024 * 1024) + "\",\"version\":" + r.version() + "}";
        mvc.perform(patch("/api/v1/executions/{id}", r.id()).with(api("sonkovo.school"))
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("Запрос слишком большой"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Тело запроса больше 2 МБ")));
        assertThat(jdbc.queryForObject("select version from execution where id = ?", Long.class, r.id())).isEqualTo(r.version());
    }

    private ExecutionRecord execution() {
        return meetingFixtures.execution(meetingFixtures.meeting("tver.coko", true), "1", fixtures.org("МОУ «Берёзовская СОШ»"));
    }

    /** Cyrillic letters without quotes or escapes, as people type them. */
    private static String text(int length) {
        return "т".repeat(length);
    }

    private long count(Write w) {
        return jdbc.queryForObject(w.stored(), Long.class, w.args());
    }

    private MockHttpServletResponse perform(Write w, String text) throws Exception {
        return mvc.perform(request(w.method(), w.path()).with(api(w.user())).contentType(MediaType.APPLICATION_JSON)
                .content(w.json().formatted(text))).andReturn().getResponse();
    }
}
