package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Every API write that changes an existing record names the version it was made on: without one it is refused (400,
 * «Укажите version»), with a stale one it is a conflict (409), and either way nothing is written. Of twenty writers
 * holding the same version exactly one wins.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class VersionRequiredTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeetingFixtures meetingFixtures;

    /**
     * A write of a fresh record: {@code body} has {@code %s} where {@code ,"version":N} goes (null: version is a query
     * parameter); {@code stored} reads what must not change when the write is refused.
     */
    record Write(String user, HttpMethod method, String path, String body, long version, String stored, long id) {
    }

    record Case(String name, Supplier<Write> fresh) {
    }

    private List<Case> cases() {
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        return List.of(
                new Case("PATCH /api/v1/executions/{id}", () -> {
                    ExecutionRecord r = execution("1");
                    return new Write("sonkovo.school", HttpMethod.PATCH, "/api/v1/executions/" + r.id(),
                            "{\"status\":\"IN_PROGRESS\",\"report\":\"Начато\"%s}", r.version(),
                            "select version from execution where id = ?", r.id());
                }),
                new Case("POST /api/v1/executions/{id}/reports", () -> {
                    ExecutionRecord r = meetingFixtures.execution(meetingFixtures.meeting("tver.coko", true), "2",
                            fixtures.org("Сонковский муниципальный округ"));
                    return new Write("sonkovo.mouo", HttpMethod.POST, "/api/v1/executions/" + r.id() + "/reports",
                            "{\"text\":\"Отчёт\"%s}", r.version(), "select version from execution where id = ?", r.id());
                }),
                new Case("POST /api/v1/executions/bulk", () -> {
                    ExecutionRecord r = execution("1");
                    return new Write("sonkovo.school", HttpMethod.POST, "/api/v1/executions/bulk",
                            "{\"items\":[{\"id\":" + r.id() + "%s}],\"status\":\"IN_PROGRESS\",\"report\":\"Начато\"}",
                            r.version(), "select version from execution where id = ?", r.id());
                }),
                new Case("PUT /api/v1/meetings/{id}", () -> {
                    MeetingView m = meetingFixtures.meeting("tver.coko", false);
                    return new Write("tver.coko", HttpMethod.PUT, "/api/v1/meetings/" + m.id(),
                            "{\"title\":\"Новая тема\",\"date\":\"" + today + "\"%s}", m.version(),
                            "select version from meeting where id = ?", m.id());
                }),
                new Case("POST /api/v1/meetings/{id}/sign", () -> {
                    MeetingView m = meetingFixtures.meeting("tver.coko", false);
                    return new Write("tver.coko", HttpMethod.POST, "/api/v1/meetings/" + m.id() + "/sign", null, m.version(),
                            "select version from meeting where id = ?", m.id());
                }),
                new Case("POST /api/v1/meetings/{id}/send", () -> {
                    MeetingView m = meetingFixtures.meeting("tver.coko", true);
                    return new Write("tver.coko", HttpMethod.POST, "/api/v1/meetings/" + m.id() + "/send", null, m.version(),
                            "select version from meeting where id = ?", m.id());
                }),
                new Case("PUT /api/v1/org-units/{id}", () -> {
                    OrgUnit school = fixtures.newSchool(fixtures.org("Сонковский муниципальный округ"));
                    return new Write("tver.admin", HttpMethod.PUT, "/api/v1/org-units/" + school.id(),
                            "{\"type\":\"SCHOOL\",\"name\":\"" + school.name() + "\",\"headName\":\"Иванов И. И.\"%s}",
                            school.version(), "select version from org_unit where id = ?", school.id());
                }),
                new Case("DELETE /api/v1/org-units/{id}", () -> {
                    OrgUnit school = fixtures.newSchool(fixtures.org("Сонковский муниципальный округ"));
                    return new Write("tver.admin", HttpMethod.DELETE, "/api/v1/org-units/" + school.id(), null,
                            school.version(), "select count(*) from org_unit where id = ?", school.id());
                }),
                new Case("POST /api/v1/accounts/{id}/disable", () -> {
                    var account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
                    return new Write("tver.admin", HttpMethod.POST, "/api/v1/accounts/" + account.id() + "/disable", null,
                            account.version(), "select version from user_account where id = ?", account.id());
                }));
    }

    @Test
    void aWriteWithoutVersionIsA400AndWithAStaleOneA409AndNeitherWritesAnything() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            Write w = c.fresh().get();
            Long before = jdbc.queryForObject(w.stored(), Long.class, w.id());

            MockHttpServletResponse missing = mvc.perform(write(w, null)).andReturn().getResponse();
            String problem = missing.getContentAsString(StandardCharsets.UTF_8);
            if (missing.getStatus() != 400 || !problem.contains("Укажите version")) {
                wrong.add(c.name() + " без version: " + missing.getStatus() + " " + problem);
            }
            MockHttpServletResponse stale = mvc.perform(write(w, w.version() + 7)).andReturn().getResponse();
            if (stale.getStatus() != 409) {
                wrong.add(c.name() + " с устаревшей version: " + stale.getStatus() + " " + stale.getContentAsString(StandardCharsets.UTF_8));
            }
            Long after = jdbc.queryForObject(w.stored(), Long.class, w.id());
            if (!before.equals(after)) {
                wrong.add(c.name() + ": запись изменилась (" + before + " → " + after + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void ofTwentyConcurrentWritersWithTheSameVersionExactlyOneWins() throws Exception {
        ExecutionRecord record = execution("1");
        MeetingView meeting = meetingFixtures.meeting("tver.coko", false);
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        int writers = 20;
        List<Integer> reports = race(writers, i -> write(new Write("sonkovo.school", HttpMethod.PATCH,
                "/api/v1/executions/" + record.id(), "{\"status\":\"IN_PROGRESS\",\"report\":\"Отчёт писавшего " + i + "\"%s}",
                record.version(), null, record.id()), record.version()));
        List<Integer> titles = race(writers, i -> write(new Write("tver.coko", HttpMethod.PUT, "/api/v1/meetings/" + meeting.id(),
                "{\"title\":\"Тема писавшего " + i + "\",\"date\":\"" + today + "\"%s}", meeting.version(), null, meeting.id()),
                meeting.version()));

        for (List<Integer> statuses : List.of(reports, titles)) {
            assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
            assertThat(statuses).as("the others are told of the conflict").filteredOn(s -> s != 200).containsOnly(409);
        }
        assertThat(jdbc.queryForObject("select version from execution where id = ?", Long.class, record.id()))
                .isEqualTo(record.version() + 1);
        assertThat(jdbc.queryForObject("select report from execution where id = ?", String.class, record.id()))
                .startsWith("Отчёт писавшего ");
        assertThat(jdbc.queryForObject("select title from meeting where id = ?", String.class, meeting.id()))
                .startsWith("Тема писавшего ");
    }

    private interface Request {
        MockHttpServletRequestBuilder of(int writer);
    }

    private List<Integer> race(int writers, Request request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(writers);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return mvc.perform(request.of(writer)).andReturn().getResponse().getStatus();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> f : all) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    private ExecutionRecord execution(String decision) {
        return meetingFixtures.execution(meetingFixtures.meeting("tver.coko", true), decision, fixtures.org("МОУ «Берёзовская СОШ»"));
    }

    private static MockHttpServletRequestBuilder write(Write w, Long version) {
        if (w.body() == null) {
            MockHttpServletRequestBuilder r = request(w.method(), w.path()).with(api(w.user()));
            return version == null ? r : r.param("version", String.valueOf(version));
        }
        return request(w.method(), w.path()).with(api(w.user())).contentType(MediaType.APPLICATION_JSON)
                .content(w.body().formatted(version == null ? "" : ",\"version\":" + version));
    }
}
