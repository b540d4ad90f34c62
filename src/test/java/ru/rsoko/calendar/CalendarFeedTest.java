package ru.rsoko.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.account.domain.Account;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.calendar.domain.CalendarFeedService;
import ru.rsoko.calendar.domain.FeedTokens;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A person subscribes their calendar app to their own feed: their organisation's deadlines as whole days, their
 * region's plan-schedule and the meetings they may open, and nothing of another region. The address is the key:
 * renewed, the old one is gone; the API gives the same feed to the caller.
 */
@IntegrationTest
class CalendarFeedTest {

    private static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    FeedTokens tokens;
    @Autowired
    PlanAccess plans;
    @Autowired
    UserAccountService accounts;

    @Test
    void aDirectorSeesTheSchoolsDeadlinesAsWholeDaysTheRegionsPlanAndTheMeeting() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("sonkovo.mouo", true);
        ExecutionRecord deadline = meetingFixtures.execution(meeting, "1", fixtures.org(BEREZOVSKAYA));
        assertThat(deadline.dueDate()).isNotNull();

        String text = feedText(tokenOf("sonkovo.school"));
        assertThat(text).as("lines end in CRLF").startsWith("BEGIN:VCALENDAR\r\n").contains("PRODID:-//RSOKO//RSOKO//RU", "VERSION:2.0",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H");
        assertThat(text).contains("UID:execution-" + deadline.id() + "@rsoko")
                .contains("DTSTART;VALUE=DATE:" + deadline.dueDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        Calendar calendar = parse(text);
        CurrentUser director = meetingFixtures.user("sonkovo.school");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("РСОКО — " + director.fullName());
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo(director.zone().getId());
        Map<String, VEvent> events = byUid(calendar);

        VEvent due = events.get("execution-" + deadline.id() + "@rsoko");
        assertThat(start(due)).isEqualTo(deadline.dueDate());
        assertThat(end(due)).isEqualTo(deadline.dueDate().plusDays(1));
        assertThat(value(due, Property.SUMMARY)).isEqualTo("Срок: Провести анализ результатов.");
        assertThat(value(due, Property.DESCRIPTION)).contains("Решение № 1", meeting.title(), "Состояние: Не начато");
        assertThat(value(due, Property.URL)).isEqualTo("http://localhost:8080/executions/" + deadline.id());

        Procedure procedure = tverProcedureForAllSchools();
        VEvent held = events.get("procedure-" + procedure.id() + "@rsoko");
        assertThat(held).as("the region's procedure %s", procedure.title()).isNotNull();
        assertThat(start(held)).isEqualTo(procedure.effectiveStart());
        assertThat(end(held)).as("DTEND is the day after the last").isEqualTo(procedure.effectiveEnd().plusDays(1));
        assertThat(value(held, Property.SUMMARY)).contains(procedure.title());
        assertThat(value(held, Property.URL)).isEqualTo("http://localhost:8080/procedures/" + procedure.id());

        VEvent met = events.get("meeting-" + meeting.id() + "@rsoko");
        assertThat(met).as("the meeting that assigned the school something").isNotNull();
        assertThat(value(met, Property.SUMMARY)).isEqualTo(meeting.title());
        assertThat(start(met)).as("no start time: the whole day").isEqualTo(meeting.date());
        assertThat(value(met, Property.URL)).isEqualTo("http://localhost:8080/meetings/" + meeting.id());
    }

    @Test
    void aMeetingWithAStartTimeIsAtThatMomentOfTheRegionWithItsPlace() throws Exception {
        CurrentUser coko = meetingFixtures.user("tver.coko");
        MeetingForm form = new MeetingForm();
        form.setTitle(Fixtures.unique("Совещание по календарю"));
        form.setDate(LocalDate.now(coko.zone()).plusDays(3));
        form.setStartTime(LocalTime.of(10, 30));
        form.setPlace("г. Тверь, ул. Советская, д. 23, каб. 5");
        MeetingView meeting = meetings.create(coko, form);

        VEvent met = byUid(parse(feedText(tokenOf("tver.coko")))).get("meeting-" + meeting.id() + "@rsoko");
        assertThat(Instant.from(met.getDateTimeStart().getDate()))
                .isEqualTo(form.getDate().atTime(10, 30).atZone(coko.zone()).toInstant());
        assertThat(value(met, Property.LOCATION)).isEqualTo("г. Тверь, ул. Советская, д. 23, каб. 5");
    }

    @Test
    void nothingOfAnotherRegionAppearsInTverFeeds() throws Exception {
        MeetingView tomsk = meetingFixtures.meeting("tomsk.coko", true);
        ExecutionRecord tomskDeadline = meetingFixtures.execution(tomsk, "1", fixtures.org("МБОУ «Средняя школа № 201»"));
        String tomskMeeting = "meeting-" + tomsk.id() + "@rsoko";
        String tomskRecord = "execution-" + tomskDeadline.id() + "@rsoko";
        assertThat(byUid(parse(feedText(tokenOf("tomsk.coko"))))).as("the Tomsk feed has it").containsKey(tomskMeeting);

        long tver = fixtures.org("Тверская область").id();
        Set<String> tverProcedures = plans.list(meetingFixtures.user("tver.coko")).stream()
                .filter(p -> p.regionId() == tver).flatMap(p -> plans.procedures(p).stream())
                .map(p -> "procedure-" + p.id() + "@rsoko").collect(Collectors.toSet());
        for (String username : List.of("tver.coko", "tver.admin", "sonkovo.mouo", "sonkovo.school")) {
            Set<String> uids = byUid(parse(feedText(tokenOf(username)))).keySet();
            assertThat(uids).as(username).doesNotContain(tomskMeeting, tomskRecord);
            assertThat(uids.stream().filter(uid -> uid.startsWith("procedure-")))
                    .as("%s: procedures of Tver's plans only", username).isNotEmpty().allMatch(tverProcedures::contains);
        }
    }

    @Test
    void renewingTheAddressMakesTheOldOneNotFound() throws Exception {
        String old = tokenOf("kalinin.school");
        assertThat(feed(old).getStatus()).isEqualTo(200);

        mvc.perform(post("/me/calendar/renew").with(users.page("kalinin.school")).with(csrf()))
                .andReturn().getResponse();
        String renewed = tokenOf("kalinin.school");

        assertThat(renewed).isNotEqualTo(old).matches("[A-Za-z0-9_-]{43}");
        assertThat(feed(old).getStatus()).isEqualTo(404);
        assertThat(feed(renewed).getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedTokenIsNotFound() throws Exception {
        assertThat(feed("A".repeat(43)).getStatus()).isEqualTo(404);
        assertThat(feed("не-токен").getStatus()).isEqualTo(404);
    }

    @Test
    void theFeedOfADisabledAccountIsNotFound() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org(BEREZOVSKAYA));
        String token = tokens.of(account.id()).token();
        assertThat(feed(token).getStatus()).isEqualTo(200);

        accounts.setEnabled(ru.rsoko.access.Scope.all(), account.id(), false, account.version(),
                meetingFixtures.user("admin"));

        assertThat(feed(token).getStatus()).isEqualTo(404);
    }

    @Test
    void theApiGivesTheCallerTheirFeedAndWantsASignIn() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("sonkovo.mouo", true);
        ExecutionRecord deadline = meetingFixtures.execution(meeting, "1", fixtures.org(BEREZOVSKAYA));

        assertThat(mvc.perform(get("/api/v1/me/calendar.ics")).andReturn().getResponse().getStatus()).isEqualTo(401);

        MockHttpServletResponse response = mvc.perform(get("/api/v1/me/calendar.ics").with(DemoUsers.api("sonkovo.school")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"rsoko.ics\"");
        Calendar calendar = parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("РСОКО — " + meetingFixtures.user("sonkovo.school").fullName());
        assertThat(byUid(calendar)).containsKey("execution-" + deadline.id() + "@rsoko");
    }

    @Test
    void thePageShowsTheAddressToSubscribeTo() throws Exception {
        String token = tokenOf("sonkovo.mouo");
        String page = mvc.perform(get("/me/calendar").with(users.page("sonkovo.mouo"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("http://localhost:8080/calendar/" + token + ".ics", "id=\"nav-calendar\"",
                "Outlook", "Яндекс Календарь", "Google Календарь", "/me/calendar/renew");
    }

    @Test
    void aLongDecisionIsShortenedAtAWordInTheSummary() {
        String summary = CalendarFeedService.shorten("Обеспечить " + "проведение   мониторинга\n".repeat(20));
        assertThat(summary).startsWith("Обеспечить проведение мониторинга проведение").endsWith("…")
                .hasSizeLessThanOrEqualTo(CalendarFeedService.SUMMARY_TEXT + 1);
        assertThat(CalendarFeedService.shorten("Провести анализ.")).isEqualTo("Провести анализ.");
    }

    // ---- helpers

    private String tokenOf(String username) {
        return tokens.of(fixtures.account(username).id()).token();
    }

    private MockHttpServletResponse feed(String token) throws Exception {
        return mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse();
    }

    private String feedText(String token) throws Exception {
        MockHttpServletResponse response = feed(token);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast)
                .collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        Optional<Property> property = container.getProperty(name);
        return property.map(Property::getValue).orElse(null);
    }

    private static Temporal start(VEvent event) {
        return event.getDateTimeStart().getDate();
    }

    private static Temporal end(VEvent event) {
        Optional<DateProperty<?>> end = event.getProperty(Property.DTEND);
        return end.map(DateProperty::getDate).orElse(null);
    }

    private Procedure tverProcedureForAllSchools() {
        long tver = fixtures.org("Тверская область").id();
        int year = LocalDate.now(ZoneId.of("Europe/Moscow")).getYear();
        Plan plan = plans.ofYear(tver, year).filter(Plan::isApproved)
                .orElseThrow(() -> new IllegalStateException("no approved demo plan of Tver for " + year));
        return plans.procedures(plan).stream()
                .filter(p -> p.participants() == Participants.ALL_SCHOOLS && p.status() != ProcedureStatus.CANCELLED)
                .findFirst().orElseThrow();
    }
}
