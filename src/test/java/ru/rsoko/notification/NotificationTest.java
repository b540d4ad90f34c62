package ru.rsoko.notification;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.notification.domain.MailDispatcher;
import ru.rsoko.notification.domain.NotificationKind;
import ru.rsoko.notification.domain.ReminderJob;
import ru.rsoko.notification.domain.Reminders;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;
import ru.rsoko.support.TestMail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** Who is told what, in the app and by mail, and that each reminder goes once. */
@IntegrationTest
class NotificationTest {

    static final ZoneId TVER = ZoneId.of("Europe/Moscow");

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Reminders reminders;
    @Autowired
    ReminderJob job;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A signed regional protocol with one decision for the schools of Сонковский округ, due on the day. */
    long signedProtocolForSonkovoSchools(LocalDate due) throws Exception {
        OrgUnit sonkovo = fixtures.org(DemoOrganisations.SONKOVO);
        String body = """
                {"title": "%s", "date": "%s", "kind": "SEMINAR_MEETING",
                 "decisions": [{"number": "1", "text": "Провести анализ результатов ВПР и направить его в МОУО.",
                   "responsibleParties": [{"kind": "SCHOOLS_OF", "orgUnitId": %d}],
                   "deadline": {"kind": "BY_DATE", "dueDate": "%s", "originalText": "до %s"}}]}"""
                .formatted(Fixtures.unique("Совещание об уведомлениях"), LocalDate.now(TVER), sonkovo.id(), due, due);
        String created = mvc.perform(post("/api/v1/meetings").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/meetings/{id}/sign", id).with(api("tver.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, id)))).andExpect(status().isOk());
        return id;
    }

    long notifications(String username, String kind, Long meetingId) {
        return jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = ? and n.kind = ? and (?::bigint is null or n.meeting_id = ?)""",
                Long.class, username, kind, meetingId, meetingId);
    }

    @Test
    void aSentProtocolReachesTheDirectorsOfTheSchoolsItAddressesOnceInTheAppAndByMailWithTheLetter() throws Exception {
        long meeting = signedProtocolForSonkovoSchools(LocalDate.now(TVER).plusDays(20));
        String title = jdbc.queryForObject("select title from meeting where id = ?", String.class, meeting);

        mvc.perform(post("/api/v1/meetings/{id}/send", meeting).with(api("tver.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, meeting))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT"));
        mvc.perform(post("/api/v1/meetings/{id}/send", meeting).with(api("tver.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, meeting))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Протокол уже направлен"));

        assertThat(notifications("sonkovo.school", "DECISIONS_ADDRESSED", meeting)).isEqualTo(1);
        for (String nobody : List.of("kalinin.school", "sonkovo.mouo", "kalinin.mouo", "tver.coko", "tomsk.coko")) {
            assertThat(notifications(nobody, "DECISIONS_ADDRESSED", meeting)).as(nobody).isZero();
        }
        mvc.perform(get("/api/v1/notifications").param("unread", "true").with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.meetingId == %d)].kind".formatted(meeting)).value("DECISIONS_ADDRESSED"))
                .andExpect(jsonPath("$.content[?(@.meetingId == %d)].text".formatted(meeting))
                        .value(org.hamcrest.Matchers.hasItem(containsString("1 решение"))));

        dispatcher.dispatchDue();
        List<MimeMessage> received = TestMail.to("sonkovo.school@rsoko.example").stream()
                .filter(m -> subject(m).contains(title)).toList();
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).startsWith("РСОКО: Решения для вашей организации");
        List<String> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        collect((Multipart) mail.getContent(), attachments, text);
        assertThat(attachments).anyMatch(name -> name.startsWith("Сопроводительное письмо к протоколу") && name.endsWith(".docx"));
        assertThat(text).contains("Провести анализ результатов ВПР").contains("/executions/");
        assertThat(TestMail.to("kalinin.school@rsoko.example")).noneMatch(m -> subject(m).contains(title));
        assertThat(TestMail.to("sonkovo.mouo@rsoko.example")).noneMatch(m -> subject(m).contains(title));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Multipart multipart, List<String> attachments, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, attachments, text);
            } else if (part.getFileName() != null) {
                attachments.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
            } else if (part.getContent() instanceof String s) {
                text.append(s);
            }
        }
    }

    @Test
    void remindersBeforeAndAfterADeadlineGoOnceAndEscalateToTheMunicipality() throws Exception {
        LocalDate today = LocalDate.now(TVER);
        LocalDate due = today.plusDays(7);
        long meeting = signedProtocolForSonkovoSchools(due);
        long tver = fixtures.org(DemoOrganisations.TVER).id();

        clock.set(today.atTime(8, 0).atZone(TVER).toInstant());
        job.runAll();
        job.runAll();
        long soon = jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.school' and n.kind = 'DEADLINE_SOON' and n.dedup_key = ?""",
                Long.class, "deadline-soon:7:" + today);
        assertThat(soon).isEqualTo(1);

        LocalDate dayAfter = due.plusDays(1);
        Reminders.Run first = reminders.run(tver, dayAfter);
        assertThat(first.told().get(NotificationKind.DEADLINE_MISSED)).isPositive();
        assertThat(first.told().get(NotificationKind.OVERDUE_ESCALATED)).isPositive();
        Reminders.Run second = reminders.run(tver, dayAfter);
        assertThat(second.told().values()).allMatch(n -> n == 0);

        String escalated = jdbc.queryForObject("""
                select n.body || ' ' || n.title from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.mouo' and n.kind = 'OVERDUE_ESCALATED' and n.dedup_key = ?""",
                String.class, "overdue-escalated:" + dayAfter);
        assertThat(escalated).contains("Школы не исполнили в срок");
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = 'kalinin.mouo' and n.dedup_key = ?""", Long.class, "overdue-escalated:" + dayAfter))
                .as("Калининский округ's officer hears nothing of Сонковский's schools").isZero();
        assertThat(meeting).isPositive();

        // the weekly digest: on Monday for a municipal officer (by default), none for a director (off by default)
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        Reminders.Run digestDay = reminders.run(tver, monday);
        assertThat(digestDay.told().get(NotificationKind.DIGEST)).isPositive();
        String digest = jdbc.queryForObject("""
                select n.body from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.mouo' and n.kind = 'DIGEST' and n.dedup_key = ?""", String.class, "digest:" + monday);
        assertThat(digest).contains("Срок на этой неделе:").contains("Провести анализ результатов ВПР");
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.school' and n.dedup_key = ?""", Long.class, "digest:" + monday)).isZero();
        assertThat(reminders.run(tver, monday).told().get(NotificationKind.DIGEST)).isZero();
    }

    @Test
    void aPersonReadsOnlyTheirOwnNotificationsAndChoosesWhatComesByMail() throws Exception {
        signedProtocolForSonkovoSchools(LocalDate.now(TVER).plusDays(30));
        long id = jdbc.queryForObject("""
                select max(n.id) from notification n join user_account a on a.id = n.account_id where a.username = 'sonkovo.school'""",
                Long.class);
        // a protocol signed but not sent tells nobody: make one notification to read
        jdbc.update("""
                insert into notification (account_id, region_id, kind, title, body, dedup_key, created_at)
                select a.id, o.region_id, 'DIGEST', 'Проверка', 'Текст', 'test:' || gen_random_uuid(), now()
                from user_account a join org_unit o on o.id = a.org_unit_id where a.username = 'sonkovo.school'""");
        long own = jdbc.queryForObject("""
                select max(n.id) from notification n join user_account a on a.id = n.account_id where a.username = 'sonkovo.school'""",
                Long.class);
        assertThat(own).isGreaterThanOrEqualTo(id);

        mvc.perform(post("/api/v1/notifications/{id}/read", own).with(api("kalinin.school"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/{id}/read", own).with(api("sonkovo.school")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.read").value(true));

        mvc.perform(get("/notifications/bell").with(users.page("sonkovo.school"))).andExpect(status().isOk());
        mvc.perform(get("/notifications").with(users.page("sonkovo.school")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Уведомления")));

        String settings = mvc.perform(get("/api/v1/me/notification-settings").with(api("kalinin.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailAddress").value("kalinin.school@rsoko.example"))
                .andExpect(jsonPath("$.mailEnabled").value(true))
                .andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(settings, "$.version");
        mvc.perform(put("/api/v1/me/notification-settings").with(api("kalinin.school")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kinds\": [{\"kind\": \"DEADLINE_SOON\", \"email\": false}], \"digestDay\": \"FRIDAY\", \"version\": %d}"
                                .formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds[?(@.kind == 'DEADLINE_SOON')].email").value(false))
                .andExpect(jsonPath("$.digestDay").value("FRIDAY"));
        mvc.perform(put("/api/v1/me/notification-settings").with(api("kalinin.school")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"digestDay\": \"MONDAY\", \"version\": %d}".formatted(version)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/me/notification-settings").with(api("kalinin.school")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kinds\": [{\"kind\": \"NO_SUCH\", \"email\": true}]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRegionKeepsItsReminderDaysAndBadInputWritesNothing() throws Exception {
        mvc.perform(post("/notifications/settings/reminder-days").with(users.page("tver.coko"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("daysBefore", "семь"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не число дней")));
        mvc.perform(post("/notifications/settings/reminder-days").with(users.page("sonkovo.mouo"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("daysBefore", "3"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/notifications/settings").with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("7, 1")));
    }

    @Test
    void theAdministratorSeesDeliveryAndWhoHasNoAddress() throws Exception {
        OrgUnit school = fixtures.newSchool(fixtures.org("Бежецкий муниципальный округ"));
        var account = fixtures.newAccount(ru.rsoko.access.Role.SCHOOL, school);
        mvc.perform(get("/admin/notifications").with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Почта настроена")))
                .andExpect(content().string(containsString("Учётные записи без e-mail")));
        mvc.perform(get("/admin/notifications/without-email.xlsx").with(users.page("tver.admin")))
                .andExpect(status().isOk());
        assertThat(account.username()).isNotBlank();
    }
}
