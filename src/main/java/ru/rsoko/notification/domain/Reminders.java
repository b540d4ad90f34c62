package ru.rsoko.notification.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.Recipient;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.support.SupportProgrammes;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A region's reminders of one day: deadlines coming (the region's days before), deadlines missed yesterday with their
 * escalation (schools' to their municipality, municipalities' to the region), self-assessments not handed in 7 and 1
 * days before a campaign closes, and the weekly digests of the day. One notification per person and kind a day,
 * listing every record it is about: the occasion holds the day, so a second run writes nothing.
 */
@Service
public class Reminders {

    static final List<Integer> SELF_ASSESSMENT_DAYS = List.of(7, 1);
    private static final int DIGEST_LINES = 30;

    /** How many notifications one run wrote, by kind: for the log and the tests. */
    public record Run(long regionId, LocalDate day, Map<NotificationKind, Integer> told) {

        int total() {
            return told.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Inbox inbox;
    private final AccountService accounts;
    private final ExecutionService executions;
    private final VsokoCampaigns campaigns;
    private final ReminderDays reminderDays;
    private final Preferences preferences;
    private final SupportProgrammes support;
    private final Clock clock;

    Reminders(Inbox inbox, AccountService accounts, ExecutionService executions, VsokoCampaigns campaigns,
              ReminderDays reminderDays, Preferences preferences, SupportProgrammes support, Clock clock) {
        this.support = support;
        this.inbox = inbox;
        this.accounts = accounts;
        this.executions = executions;
        this.campaigns = campaigns;
        this.reminderDays = reminderDays;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Transactional
    public Run run(long regionId, LocalDate today) {
        Map<NotificationKind, Integer> told = new LinkedHashMap<>();
        Scope region = Scope.region(regionId);
        for (int days : reminderDays.of(regionId).days()) {
            LocalDate due = today.plusDays(days);
            List<ExecutionRecord> coming = executions.owingDue(region, due, due);
            String when = when(days, due);
            count(told, NotificationKind.DEADLINE_SOON, toResponsible(coming, regionId, NotificationKind.DEADLINE_SOON,
                    "deadline-soon:" + days + ":" + today, n -> "Срок " + when + ": " + Plurals.records(n),
                    n -> "Срок исполнения " + when + ". Отчитайтесь в РСОКО на странице поручения: статус, отчёт, подтверждение."));
        }
        LocalDate yesterday = today.minusDays(1);
        List<ExecutionRecord> missed = executions.owingDue(region, yesterday, yesterday);
        count(told, NotificationKind.DEADLINE_MISSED, toResponsible(missed, regionId, NotificationKind.DEADLINE_MISSED,
                "deadline-missed:" + today, n -> "Срок истёк " + Formats.DATE.format(yesterday) + ": " + Plurals.records(n),
                n -> "Срок исполнения истёк " + Formats.DATE.format(yesterday) + ", а отчёта об исполнении нет. "
                        + "Отчитайтесь как можно скорее: просрочка видна муниципалитету и региону."));
        count(told, NotificationKind.OVERDUE_ESCALATED, escalate(missed, regionId, today));
        supportMeasures(regionId, today, told);
        count(told, NotificationKind.SELF_ASSESSMENT_DUE, selfAssessments(regionId, today));
        count(told, NotificationKind.DIGEST, digests(regionId, today));
        return new Run(regionId, today, told);
    }

    /**
     * The measures of ШНОР schools' support programmes (issue 17): the region's days before a measure's deadline and the
     * day after it passes, one notification per person of the school listing its measures.
     */
    private void supportMeasures(long regionId, LocalDate today, Map<NotificationKind, Integer> told) {
        for (int days : reminderDays.of(regionId).days()) {
            LocalDate due = today.plusDays(days);
            String when = when(days, due);
            count(told, NotificationKind.DEADLINE_SOON, toSchools(support.owingDue(regionId, due, due), regionId,
                    NotificationKind.DEADLINE_SOON, "support-soon:" + days + ":" + today,
                    n -> "Срок мер программы поддержки " + when + ": " + Plurals.of(n, "мера", "меры", "мер"),
                    "Срок выполнения мер программы поддержки школы " + when
                            + ". Отчитайтесь о выполнении на странице программы."));
        }
        LocalDate yesterday = today.minusDays(1);
        count(told, NotificationKind.DEADLINE_MISSED, toSchools(support.owingDue(regionId, yesterday, yesterday), regionId,
                NotificationKind.DEADLINE_MISSED, "support-missed:" + today,
                n -> "Просрочены меры программы поддержки: " + Plurals.of(n, "мера", "меры", "мер"),
                "Срок выполнения мер программы поддержки школы истёк " + Formats.DATE.format(yesterday)
                        + ", а отчёта о выполнении нет. Отчитайтесь на странице программы: просрочка видна муниципалитету и региону."));
    }

    private int toSchools(List<SupportProgrammes.MeasureDue> measures, long regionId, NotificationKind kind,
                          String occasion, Function<Integer, String> title, String text) {
        if (measures.isEmpty()) {
            return 0;
        }
        Map<Long, List<SupportProgrammes.MeasureDue>> bySchool = measures.stream().collect(
                Collectors.groupingBy(SupportProgrammes.MeasureDue::schoolId, LinkedHashMap::new, Collectors.toList()));
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (Recipient person : accounts.answeringFor(bySchool.keySet())) {
            List<SupportProgrammes.MeasureDue> own = bySchool.getOrDefault(person.orgUnitId(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            List<Message.Line> lines = own.stream().map(m -> new Message.Line(
                    "Мера программы поддержки " + m.year() + " г.: " + NotificationListeners.shorten(m.text(), 250),
                    m.dueOn(), m.responsible(), m.link())).toList();
            deliveries.add(new Inbox.Delivery(person, new Message(kind, occasion, regionId, title.apply(own.size()), text,
                    lines, "/support-programmes/" + own.getFirst().programmeId(), null, null, null, null)));
        }
        return inbox.tellEach(deliveries).size();
    }

    /** «завтра, 03.12.2026», «через 7 дней, 09.12.2026». */
    private static String when(int days, LocalDate day) {
        return (days == 1 ? "завтра, " : "через " + Plurals.days(days) + ", ") + Formats.DATE.format(day);
    }

    private static void count(Map<NotificationKind, Integer> told, NotificationKind kind, int n) {
        told.merge(kind, n, Integer::sum);
    }

    /** One notification per person of the responsible organisations, listing their records. */
    private int toResponsible(List<ExecutionRecord> records, long regionId, NotificationKind kind, String occasion,
                              Function<Integer, String> title, Function<Integer, String> text) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<Long, List<ExecutionRecord>> byUnit = records.stream()
                .collect(Collectors.groupingBy(r -> r.orgUnit().id(), LinkedHashMap::new, Collectors.toList()));
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (Recipient person : accounts.answeringFor(byUnit.keySet())) {
            List<ExecutionRecord> own = new ArrayList<>();
            NotificationListeners.answeredBy(person).forEach(unit -> own.addAll(byUnit.getOrDefault(unit, List.of())));
            if (!own.isEmpty()) {
                deliveries.add(new Inbox.Delivery(person, message(kind, occasion, regionId, title.apply(own.size()),
                        text.apply(own.size()), own)));
            }
        }
        return inbox.tellEach(deliveries).size();
    }

    /**
     * Records missed yesterday by schools go to their municipality's officers, those of municipalities to the region's
     * staff: one digest each, listing every organisation's record.
     */
    private int escalate(List<ExecutionRecord> missed, long regionId, LocalDate today) {
        Map<Long, List<ExecutionRecord>> schoolsByMunicipality = new LinkedHashMap<>();
        List<ExecutionRecord> municipalities = new ArrayList<>();
        for (ExecutionRecord r : missed) {
            if (r.orgUnit().type() == OrgUnitType.MUNICIPALITY) {
                municipalities.add(r);
            } else if (r.orgUnit().type() == OrgUnitType.SCHOOL && r.municipalityId() != null) {
                schoolsByMunicipality.computeIfAbsent(r.municipalityId(), m -> new ArrayList<>()).add(r);
            }
        }
        String occasion = "overdue-escalated:" + today;
        String day = Formats.DATE.format(today.minusDays(1));
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (Recipient officer : accounts.municipalOfficers(schoolsByMunicipality.keySet())) {
            List<ExecutionRecord> own = schoolsByMunicipality.getOrDefault(officer.municipalityId(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            long schools = own.stream().map(r -> r.orgUnit().id()).distinct().count();
            deliveries.add(new Inbox.Delivery(officer, message(NotificationKind.OVERDUE_ESCALATED, occasion, regionId,
                    "Школы не исполнили в срок: " + Plurals.records(own.size()) + " (" + Plurals.schools(schools) + ")",
                    "Срок истёк " + day + ", отчётов нет. Школы получили напоминание; проконтролируйте исполнение.", own)
                    .linkedTo("/executions?overdue=true")));
        }
        int told = inbox.tellEach(deliveries).size();
        if (!municipalities.isEmpty()) {
            long units = municipalities.stream().map(r -> r.orgUnit().id()).distinct().count();
            told += inbox.tell(accounts.regionalStaff(regionId), message(NotificationKind.OVERDUE_ESCALATED, occasion, regionId,
                    "Муниципалитеты не исполнили в срок: " + Plurals.records(municipalities.size()) + " ("
                            + Plurals.of(units, "муниципалитет", "муниципалитета", "муниципалитетов") + ")",
                    "Срок истёк " + day + ", отчётов нет. Органы управления образованием получили напоминание.", municipalities)
                    .linkedTo("/executions?overdue=true")).size();
        }
        return told;
    }

    private int selfAssessments(long regionId, LocalDate today) {
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (int days : SELF_ASSESSMENT_DAYS) {
            LocalDate closes = today.plusDays(days);
            List<VsokoCampaigns.PendingSelfAssessment> pending = campaigns.notHandedIn(regionId, closes);
            if (pending.isEmpty()) {
                continue;
            }
            Map<Long, List<Recipient>> directors = accounts.answeringFor(pending.stream()
                            .map(VsokoCampaigns.PendingSelfAssessment::schoolId).distinct().toList()).stream()
                    .filter(p -> p.role() == Role.SCHOOL).collect(Collectors.groupingBy(Recipient::orgUnitId));
            String when = when(days, closes);
            for (VsokoCampaigns.PendingSelfAssessment school : pending) {
                Message message = Message.of(NotificationKind.SELF_ASSESSMENT_DUE,
                                "self-assessment-due:" + school.campaignId() + ":" + days + ":" + today, regionId,
                                "Самооценка ВСОКО не представлена: приём закрывается " + when,
                                "Кампания «" + school.campaignName() + "»: самооценка вашей школы " + school.status().label()
                                        + ". Заполните её и нажмите «Представить самооценку» до " + Formats.DATE.format(closes) + ".")
                        .linkedTo("/vsoko/campaigns/" + school.campaignId() + "/submissions/" + school.schoolId())
                        .about(null, null, school.campaignId());
                directors.getOrDefault(school.schoolId(), List.of()).forEach(d -> deliveries.add(new Inbox.Delivery(d, message)));
            }
        }
        return inbox.tellEach(deliveries).size();
    }

    /** The weekly digest of those whose digest day is today: due this week, overdue since last week, what they were told. */
    private int digests(long regionId, LocalDate today) {
        List<Recipient> people = accounts.ofRegion(regionId, List.of(Role.REGION, Role.MUNICIPALITY, Role.SCHOOL));
        Map<Long, Preferences.Choice> chosen = preferences.stored(people.stream().map(Recipient::accountId).toList());
        DayOfWeek day = today.getDayOfWeek();
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (Recipient person : people) {
            Preferences.Choice choice = chosen.getOrDefault(person.accountId(), Preferences.defaults(person.role()));
            if (choice.digestDay() != day) {
                continue;
            }
            Scope scope = switch (person.role()) {
                case REGION -> Scope.region(regionId);
                case MUNICIPALITY -> Scope.municipality(regionId, person.municipalityId());
                default -> Scope.orgUnit(regionId, person.municipalityId(), person.orgUnitId());
            };
            List<ExecutionRecord> dueThisWeek = executions.owingDue(scope, today, today.plusDays(6));
            List<ExecutionRecord> becameOverdue = executions.owingDue(scope, today.minusDays(7), today.minusDays(1));
            Map<NotificationKind, Long> changes = inbox.toldSince(person.accountId(), clock.instant().minus(Duration.ofDays(7)));
            if (dueThisWeek.isEmpty() && becameOverdue.isEmpty() && changes.isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            text.append("Неделя с ").append(Formats.DATE.format(today)).append(" по ").append(Formats.DATE.format(today.plusDays(6))).append(".\n");
            text.append("Срок на этой неделе: ").append(Plurals.records(dueThisWeek.size())).append(".\n");
            text.append("Стали просроченными за прошедшую неделю: ").append(Plurals.records(becameOverdue.size())).append(".\n");
            if (!changes.isEmpty()) {
                text.append("Что изменилось за неделю: ").append(changes.entrySet().stream()
                        .map(e -> e.getKey().label().toLowerCase(Locale.ROOT) + " — " + e.getValue())
                        .collect(Collectors.joining("; "))).append(".\n");
            }
            List<ExecutionRecord> listed = new ArrayList<>(becameOverdue);
            listed.addAll(dueThisWeek);
            deliveries.add(new Inbox.Delivery(person, message(NotificationKind.DIGEST, "digest:" + today, regionId,
                    "Сводка на неделю с " + Formats.DATE.format(today) + " (" + day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("ru")) + ")",
                    text.toString(), listed.subList(0, Math.min(DIGEST_LINES, listed.size())))
                    .linkedTo("/executions")));
        }
        return inbox.tellEach(deliveries).size();
    }

    private static Message message(NotificationKind kind, String occasion, long regionId, String title, String text,
                                   List<ExecutionRecord> records) {
        List<Message.Line> lines = records.stream().map(r -> new Message.Line(
                "п. " + r.decision().number() + " протокола от " + Formats.DATE.format(r.decision().meeting().date()) + ": "
                        + NotificationListeners.shorten(r.decision().text(), 250),
                r.dueDate(), r.orgUnit().displayName(), "/executions/" + r.id())).toList();
        Long single = records.size() == 1 ? records.getFirst().id() : null;
        return new Message(kind, occasion, regionId, title, text, lines,
                single != null ? "/executions/" + single : "/executions", null, single, null, null);
    }
}
