package ru.rsoko.calendar.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.account.AccountService;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingService.MeetingFilter;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What a person's calendar feed holds, read through the faces of the modules that keep it:
 * <ul>
 *     <li>deadlines: the records of the person's own organisation that still owe something and have a due date, one
 *     whole-day event on that date;</li>
 *     <li>the procedures of the approved plan-schedules of the person's region for this year and the next, not
 *     cancelled, over their days (the new ones once moved); a director sees those their school takes part in, a
 *     municipal officer leaves out those for other municipalities;</li>
 *     <li>the meetings the person may open ({@link MeetingService#find} with their scope) from 90 days ago on: at their
 *     start time when one is set, otherwise for the whole day.</li>
 * </ul>
 * The size is bounded ({@link #MAX_EVENTS}) and so is the number of queries: a few per source, none per row.
 */
@Service
public class CalendarFeedService {

    /** At most this many events in one feed; regional staff see many meetings. */
    public static final int MAX_EVENTS = 2000;
    /** Of which at most this many of each source (deadlines of each status, meetings). */
    static final int MAX_PER_SOURCE = 1000;
    /** Meetings from this many days ago on. */
    static final int MEETINGS_SINCE_DAYS = 90;
    /** How long a meeting with a start time is shown: the product keeps no end. */
    static final Duration MEETING_LENGTH = Duration.ofHours(1);
    /** About how many characters of a decision's text a deadline's title shows. */
    public static final int SUMMARY_TEXT = 120;

    private final FeedTokens tokens;
    private final AccountService accounts;
    private final ExecutionService executions;
    private final MeetingService meetings;
    private final PlanAccess plans;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final String publicUrl;

    CalendarFeedService(FeedTokens tokens, AccountService accounts, ExecutionService executions, MeetingService meetings,
                        PlanAccess plans, Clock clock, @Value("${rsoko.default-time-zone}") ZoneId defaultZone,
                        @Value("${rsoko.public-url:http://localhost:8080}") String publicUrl) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.executions = executions;
        this.meetings = meetings;
        this.plans = plans;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The product's address as people reach it, without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** The address a calendar app subscribes to for the token. */
    public String feedUrl(String token) {
        return publicUrl + "/calendar/" + token + ".ics";
    }

    /**
     * The feed behind a token, as iCalendar text. An unknown or renewed token, and the account of a person who may not
     * sign in (disabled, locked, their organisation closed), is «not found».
     */
    public String ics(String token) {
        CurrentUser user = tokens.owner(token).flatMap(accounts::user)
                .filter(u -> u.isEnabled() && u.isAccountNonLocked())
                .orElseThrow(() -> new NotFoundException("Календарь не найден"));
        return ics(user);
    }

    /** The person's feed as iCalendar text. */
    public String ics(CurrentUser user) {
        ZoneId zone = zoneOf(user);
        return IcsWriter.write("РСОКО — " + user.fullName(), zone, clock.instant(), events(user));
    }

    /** The events of the person's feed: deadlines, then procedures, then meetings, at most {@link #MAX_EVENTS}. */
    public List<FeedEvent> events(CurrentUser user) {
        ZoneId zone = zoneOf(user);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<FeedEvent> events = new ArrayList<>();
        events.addAll(deadlines(user));
        events.addAll(procedures(user, today));
        events.addAll(meetings(user, zone, today));
        return events.size() > MAX_EVENTS ? List.copyOf(events.subList(0, MAX_EVENTS)) : events;
    }

    private ZoneId zoneOf(CurrentUser user) {
        return user.zone() == null ? defaultZone : user.zone();
    }

    // ---- deadlines

    private List<FeedEvent> deadlines(CurrentUser user) {
        List<FeedEvent> events = new ArrayList<>();
        // what is owed: an open record (an ongoing one is never closed, so it is always open)
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (!status.isOpen()) {
                continue;
            }
            ExecutionFilter filter = new ExecutionFilter(status, null, user.orgUnitId(), null, null, null, null);
            for (ExecutionRecord record : executions.find(user.scope(), filter, PageRequest.of(0, MAX_PER_SOURCE))) {
                if (record.dueDate() != null && record.status().owes(record.recurring())) {
                    events.add(deadline(record));
                }
            }
        }
        return events;
    }

    private FeedEvent deadline(ExecutionRecord record) {
        DecisionFacts decision = record.decision();
        MeetingSummary meeting = decision.meeting();
        StringJoiner description = new StringJoiner("\n");
        description.add("Решение № " + decision.number() + ": " + decision.text());
        description.add(meeting.kind().label() + " «" + meeting.title() + "» от " + Formats.DATE.format(meeting.date())
                + (meeting.protocolNumber() == null ? "" : ", протокол № " + meeting.protocolNumber()));
        if (decision.deadline().originalText() != null) {
            description.add("Срок по протоколу: " + decision.deadline().originalText());
        }
        description.add("Исполнитель: " + record.orgUnit().displayName());
        description.add("Состояние: " + record.status().label());
        return FeedEvent.days("execution-" + record.id() + "@rsoko", "Срок: " + shorten(decision.text()),
                description.toString(), publicUrl + "/executions/" + record.id(), record.dueDate(), record.dueDate());
    }

    /** The text cut to about {@link #SUMMARY_TEXT} characters at a word, with «…» when cut. */
    public static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= SUMMARY_TEXT) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SUMMARY_TEXT - 1);
        if (cut < SUMMARY_TEXT / 2) {
            cut = SUMMARY_TEXT - 1;
        }
        return flat.substring(0, cut).strip() + "…";
    }

    // ---- the plan-schedule

    private List<FeedEvent> procedures(CurrentUser user, LocalDate today) {
        if (user.regionId() == null) {
            return List.of();
        }
        List<FeedEvent> events = new ArrayList<>();
        for (Plan plan : plans.list(user)) {
            boolean current = plan.year() == today.getYear() || plan.year() == today.getYear() + 1;
            if (!plan.isApproved() || !current || plan.regionId() != user.regionId()) {
                continue;
            }
            for (Procedure procedure : plans.procedures(plan)) {
                if (procedure.status() != ProcedureStatus.CANCELLED && concerns(procedure, user)) {
                    events.add(procedure(procedure));
                }
            }
        }
        return events;
    }

    /**
     * Whether the procedure is the person's business: all of the region's for its staff; for a director, one their
     * school takes part in; for a municipal officer, any but those for other municipalities only.
     */
    static boolean concerns(Procedure procedure, CurrentUser user) {
        Participants who = procedure.participants();
        if (who == Participants.ALL_SCHOOLS || !(user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY))) {
            return true;
        }
        if (user.is(Role.MUNICIPALITY)) {
            return !who.choosesMunicipalities() || procedure.participantIds().contains(user.municipalityId());
        }
        return who.choosesSchools() ? procedure.participantIds().contains(user.orgUnitId())
                : procedure.participantIds().contains(user.municipalityId());
    }

    private FeedEvent procedure(Procedure p) {
        String summary = p.title().equalsIgnoreCase(p.typeName()) || p.title().startsWith(p.typeName())
                ? p.title() : p.typeName() + ": " + p.title();
        StringJoiner description = new StringJoiner("\n");
        description.add(p.planTitle());
        description.add("Сроки: " + Formats.DATE.format(p.effectiveStart()) + " – " + Formats.DATE.format(p.effectiveEnd())
                + (p.wasMoved() ? " (перенесено, по плану " + p.periodText() + ")" : ""));
        if (!p.gradeList().isEmpty()) {
            description.add("Классы: " + p.gradesText());
        }
        if (p.subjects() != null && !p.subjects().isBlank()) {
            description.add("Предметы: " + p.subjects());
        }
        description.add("Участники: " + p.participants().label());
        if (p.responsibleName() != null) {
            description.add("Ответственный: " + p.responsibleName());
        }
        description.add("Состояние: " + p.status().label());
        return FeedEvent.days("procedure-" + p.id() + "@rsoko", summary, description.toString(),
                publicUrl + "/procedures/" + p.id(), p.effectiveStart(), p.effectiveEnd());
    }

    // ---- meetings

    private List<FeedEvent> meetings(CurrentUser user, ZoneId zone, LocalDate today) {
        MeetingFilter since = new MeetingFilter(null, today.minusDays(MEETINGS_SINCE_DAYS), null, null);
        return meetings.find(user.scope(), since, PageRequest.of(0, MAX_PER_SOURCE)).stream()
                .map(m -> meeting(m, zone)).toList();
    }

    private FeedEvent meeting(MeetingSummary m, ZoneId zone) {
        String uid = "meeting-" + m.id() + "@rsoko";
        String url = publicUrl + "/meetings/" + m.id();
        String description = m.kind().label() + " · " + m.status().label()
                + (m.protocolNumber() == null ? "" : "\nПротокол № " + m.protocolNumber());
        if (m.startTime() == null) {
            return FeedEvent.days(uid, m.title(), description, url, m.date(), m.date()).at(m.place());
        }
        return FeedEvent.at(uid, m.title(), description, m.place(), url,
                m.date().atTime(m.startTime()).atZone(zone).toInstant(), MEETING_LENGTH);
    }
}
