package ru.rsoko.notification;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.RsokoApplication;
import ru.rsoko.access.Role;
import ru.rsoko.account.domain.Account;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.notification.domain.MailDispatcher;
import ru.rsoko.notification.domain.ReminderJob;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;
import ru.rsoko.support.TestDatabase;
import ru.rsoko.support.TestMail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Two application instances on one database, as docker-compose runs them: both run the reminder job and both send
 * the outbox at the same moment, and each reminder reaches its person once, in the app and by mail.
 */
@IntegrationTest
class TwoInstancesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ReminderJob job;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    TestClock clock;

    @Test
    void bothInstancesRunTheRemindersAndEachReminderGoesOnce() throws Exception {
        clock.reset();
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(7);
        OrgUnit school = fixtures.newSchool(fixtures.org("Бежецкий муниципальный округ"));
        Account director = fixtures.newAccount(Role.SCHOOL, school);
        String address = director.username() + "@rsoko.example";
        jdbc.update("update user_account set email = ? where id = ?", address, director.id());
        String body = """
                {"title": "%s", "date": "%s", "kind": "SEMINAR_MEETING",
                 "decisions": [{"number": "1", "text": "Представить план мероприятий по повышению качества образования.",
                   "responsibleParties": [{"kind": "ORGANISATION", "orgUnitId": %d}],
                   "deadline": {"kind": "BY_DATE", "dueDate": "%s", "originalText": "до %s"}}]}"""
                .formatted(Fixtures.unique("Совещание двух экземпляров"), LocalDate.now(ZoneId.of("Europe/Moscow")), school.id(), due, due);
        String created = mvc.perform(post("/api/v1/meetings").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long meeting = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/meetings/{id}/sign", meeting).with(api("tver.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, meeting)))).andExpect(status().isOk());

        TestDatabase.Connection db = TestDatabase.get();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RsokoApplication.class).properties(
                "spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + db.password(), "server.port=0", "rsoko.demo-data=false",
                "spring.mail.host=localhost", "spring.mail.port=" + TestMail.port(),
                "rsoko.notifications.mail-interval=PT24H", "rsoko.notifications.reminder-cron=-").run()) {
            ReminderJob otherJob = second.getBean(ReminderJob.class);
            MailDispatcher otherDispatcher = second.getBean(MailDispatcher.class);
            for (Future<?> f : pool.invokeAll(List.<Callable<Object>>of(job::runAll, otherJob::runAll))) {
                f.get();
            }
            for (Future<?> f : pool.invokeAll(List.<Callable<Object>>of(dispatcher::dispatchDue, otherDispatcher::dispatchDue))) {
                f.get();
            }
            // and once more on both, as after a restart the same morning
            otherJob.runAll();
            job.runAll();
            otherDispatcher.dispatchDue();
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("select count(*) from notification where account_id = ? and kind = 'DEADLINE_SOON'",
                Long.class, director.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where account_id = ? and status = 'SENT'",
                Long.class, director.id())).isEqualTo(1);
        assertThat(TestMail.to(address)).hasSize(1);
    }
}
