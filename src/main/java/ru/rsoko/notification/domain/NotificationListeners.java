package ru.rsoko.notification.domain;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.LoginThrottled;
import ru.rsoko.account.Recipient;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.execution.ExecutionCommented;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.meeting.ProtocolSent;
import ru.rsoko.objectivity.SchoolsListed;
import ru.rsoko.plan.ProcedureRescheduled;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.vsoko.CampaignStatusChanged;
import ru.rsoko.vsoko.SelfAssessmentReviewed;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told what when something happens elsewhere. Synchronous and inside the transaction that caused it: the
 * notifications (and queued mails) exist when the change does, or neither does; sending the mail happens later.
 */
@Component
class NotificationListeners {

    private final Inbox inbox;
    private final AccountService accounts;
    private final ExecutionService executions;
    private final MeetingService meetings;
    private final DirectoryService directory;
    private final VsokoCampaigns campaigns;
    private final java.time.Clock clock;

    NotificationListeners(Inbox inbox, AccountService accounts, ExecutionService executions, MeetingService meetings,
                          DirectoryService directory, VsokoCampaigns campaigns, java.time.Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.accounts = accounts;
        this.executions = executions;
        this.meetings = meetings;
        this.directory = directory;
        this.campaigns = campaigns;
    }

    /** Each responsible organisation's people, once, with the decisions addressed to it and the covering letter. */
    @EventListener
    void on(ProtocolSent sent) {
        MeetingSummary meeting = meetings.summary(sent.meetingId()).orElse(null);
        if (meeting == null) {
            return;
        }
        Map<Long, List<ExecutionRecord>> byOrganisation = new LinkedHashMap<>();
        for (ExecutionRecord record : executions.ofMeeting(Scope.region(sent.regionId()), sent.meetingId())) {
            byOrganisation.computeIfAbsent(record.orgUnit().id(), id -> new ArrayList<>()).add(record);
        }
        if (byOrganisation.isEmpty()) {
            return;
        }
        MeetingService.Document letter = meetings.coverLetter(meeting.id());
        Message.Attachment attachment = new Message.Attachment(letter.fileName(), letter.content());
        String heading = meeting.kind().label() + " «" + meeting.title() + "» от " + Formats.DATE.format(meeting.date());
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (Recipient person : accounts.answeringFor(byOrganisation.keySet())) {
            List<ExecutionRecord> own = new ArrayList<>();
            for (Long unit : answeredBy(person)) {
                own.addAll(byOrganisation.getOrDefault(unit, List.of()));
            }
            if (own.isEmpty()) {
                continue;
            }
            String organisation = own.getFirst().orgUnit().displayName();
            List<Message.Line> lines = own.stream().map(r -> new Message.Line("п. " + r.decision().number() + ". "
                    + shorten(r.decision().text(), 300), r.dueDate(), r.orgUnit().displayName(), "/executions/" + r.id())).toList();
            String text = "Направлен протокол: " + heading + ". " + organisation + " — ответственный за "
                    + Plurals.decisions(own.size()) + ". Отчитывайтесь об исполнении в РСОКО на странице поручения.";
            deliveries.add(new Inbox.Delivery(person, new Message(NotificationKind.DECISIONS_ADDRESSED, "protocol-sent:" + meeting.id(),
                    sent.regionId(), "Решения для вашей организации: " + heading, text, lines,
                    own.size() == 1 ? "/executions/" + own.getFirst().id() : "/executions?meetingId=" + meeting.id(),
                    meeting.id(), own.size() == 1 ? own.getFirst().id() : null, null, attachment)));
        }
        inbox.tellEach(deliveries);
    }

    /** The organisations a person answers for: their own, and a municipal officer's municipality. */
    static Set<Long> answeredBy(Recipient person) {
        Set<Long> units = new HashSet<>();
        units.add(person.orgUnitId());
        if (person.role() == Role.MUNICIPALITY && person.municipalityId() != null) {
            units.add(person.municipalityId());
        }
        return units;
    }

    /**
     * Sign-ins to the person's account from one address have just been throttled after failed ones (at most once an
     * hour, decided by the account module): the person is told when and from where, and where to see the attempts.
     */
    @EventListener
    void on(LoginThrottled throttled) {
        accounts.recipient(throttled.accountId()).ifPresent(person -> inbox.tell(List.of(person), Message.of(
                        NotificationKind.LOGIN_THROTTLED, "login-throttled:" + throttled.at().toEpochMilli(), person.regionId(),
                        "Неудачные попытки входа в вашу учётную запись",
                        "С адреса " + throttled.address() + " несколько раз подряд введён неверный пароль к вашей учётной "
                                + "записи; вход с этого адреса временно приостановлен. Ваш вход с других адресов не "
                                + "ограничен. Если это были не вы, смените пароль.")
                .linkedTo("/me/tokens")));
    }

    /** A comment by someone outside the responsible organisation reaches its people (and the reverse is for reviewers to see on the page). */
    @EventListener
    void on(ExecutionCommented comment) {
        if (comment.authorOrgUnitId() == comment.orgUnitId()) {
            return;
        }
        List<Recipient> people = accounts.answeringFor(List.of(comment.orgUnitId())).stream()
                .filter(p -> p.accountId() != comment.authorAccountId()).toList();
        inbox.tell(people, Message.of(NotificationKind.EXECUTION_COMMENTED, "execution-comment:" + comment.commentId(),
                        comment.regionId(), "Комментарий к отчёту о поручении — " + comment.authorOrgUnitName(),
                        comment.authorName() + " (" + comment.authorOrgUnitName() + "):\n" + shorten(comment.text(), 2000))
                .linkedTo("/executions/" + comment.executionId()).about(null, comment.executionId(), null));
    }

    @EventListener
    void on(CampaignStatusChanged changed) {
        switch (changed.status()) {
            case OPENED -> {
                List<Long> schools = campaigns.participantSchools(changed.campaignId());
                String closes = changed.closesOn() == null ? "" : " Срок представления — до " + Formats.DATE.format(changed.closesOn()) + ".";
                inbox.tell(accounts.answeringFor(schools).stream().filter(p -> p.role() == Role.SCHOOL).toList(),
                        Message.of(NotificationKind.CAMPAIGN_OPENED, "campaign-opened:" + changed.campaignId() + ":" + today(changed.regionId()),
                                        changed.regionId(), "Открыт приём самооценки ВСОКО: " + changed.name(),
                                        "Ваша школа участвует в изучении ВСОКО «" + changed.name() + "» (" + changed.year()
                                                + "). Заполните самооценку по показателям и представьте её." + closes)
                                .linkedTo("/vsoko/campaigns/" + changed.campaignId()).about(null, null, changed.campaignId()));
            }
            case PUBLISHED -> {
                List<Long> schools = campaigns.participantSchools(changed.campaignId());
                Set<Long> municipalities = new HashSet<>();
                directory.byIds(schools).values().forEach(o -> {
                    if (o.municipalityId() != null) {
                        municipalities.add(o.municipalityId());
                    }
                });
                List<Recipient> people = new ArrayList<>(accounts.answeringFor(schools).stream()
                        .filter(p -> p.role() == Role.SCHOOL).toList());
                people.addAll(accounts.municipalOfficers(municipalities));
                inbox.tell(people, Message.of(NotificationKind.RESULTS_PUBLISHED, "campaign-published:" + changed.campaignId(),
                                changed.regionId(), "Опубликованы результаты ВСОКО: " + changed.name(),
                                "Регион опубликовал результаты изучения ВСОКО «" + changed.name() + "» (" + changed.year()
                                        + "): уровни школ и баллы по направлениям.")
                        .linkedTo("/vsoko/campaigns/" + changed.campaignId() + "/results").about(null, null, changed.campaignId()));
            }
            case CLOSED -> {
                // closing is the region's own step: schools were reminded before it
            }
        }
    }

    @EventListener
    void on(SelfAssessmentReviewed reviewed) {
        List<Recipient> people = accounts.answeringFor(List.of(reviewed.schoolId())).stream()
                .filter(p -> p.role() == Role.SCHOOL).toList();
        String link = "/vsoko/campaigns/" + reviewed.campaignId() + "/submissions/" + reviewed.schoolId();
        // a self-assessment may be returned more than once: each return is its own occasion
        Message message = reviewed.outcome() == SubmissionStatus.APPROVED
                ? Message.of(NotificationKind.SELF_ASSESSMENT_APPROVED, "self-assessment-approved:" + reviewed.campaignId()
                                + ":" + reviewed.schoolId() + ":" + clock.millis(), reviewed.regionId(),
                        "Самооценка согласована муниципалитетом: " + reviewed.campaignName(),
                        "Муниципалитет согласовал самооценку вашей школы в кампании «" + reviewed.campaignName()
                                + "». Теперь её рассматривает эксперт региона.")
                : reviewed.outcome() == SubmissionStatus.RETURNED
                ? Message.of(NotificationKind.SELF_ASSESSMENT_RETURNED, "self-assessment-returned:" + reviewed.campaignId()
                                + ":" + reviewed.schoolId() + ":" + clock.millis(), reviewed.regionId(),
                        "Самооценка возвращена на доработку: " + reviewed.campaignName(),
                        "Самооценку вашей школы вернули на доработку."
                                + (reviewed.comment() == null || reviewed.comment().isBlank() ? "" : "\nКомментарий: " + shorten(reviewed.comment(), 2000))
                                + "\nИсправьте ответы и представьте самооценку снова.")
                : Message.of(NotificationKind.SELF_ASSESSMENT_ACCEPTED, "self-assessment-accepted:" + reviewed.campaignId()
                                + ":" + reviewed.schoolId(), reviewed.regionId(), "Самооценка принята: " + reviewed.campaignName(),
                        "Самооценка вашей школы в кампании «" + reviewed.campaignName() + "» принята. Результаты станут видны после их публикации регионом.");
        inbox.tell(people, message.linkedTo(link).about(null, null, reviewed.campaignId()));
    }

    /** Everyone the region's plan binds hears of a moved or cancelled procedure: municipal officers and directors. */
    @EventListener
    void on(ProcedureRescheduled changed) {
        String was = Formats.DATE.format(changed.wasFrom()) + (changed.wasTo().equals(changed.wasFrom()) ? "" : "–" + Formats.DATE.format(changed.wasTo()));
        String text;
        String title;
        if (changed.change() == ProcedureRescheduled.Change.CANCELLED) {
            title = "Процедура отменена: " + changed.name();
            text = "Процедура плана-графика «" + changed.name() + "» (" + was + ") отменена.";
        } else {
            String now = changed.nowFrom() == null ? "новые сроки" : Formats.DATE.format(changed.nowFrom())
                    + (changed.nowTo() == null || changed.nowTo().equals(changed.nowFrom()) ? "" : "–" + Formats.DATE.format(changed.nowTo()));
            title = "Процедура перенесена: " + changed.name();
            text = "Процедура плана-графика «" + changed.name() + "» перенесена: было " + was + ", теперь " + now + ".";
        }
        if (changed.reason() != null && !changed.reason().isBlank()) {
            text += "\nПричина: " + shorten(changed.reason(), 1000);
        }
        String occasion = "procedure:" + changed.procedureId() + ":" + changed.change() + ":" + changed.nowFrom() + ":" + changed.nowTo();
        inbox.tell(accounts.ofRegion(changed.regionId(), List.of(Role.MUNICIPALITY, Role.SCHOOL)),
                Message.of(NotificationKind.PROCEDURE_CHANGED, occasion, changed.regionId(), title, text)
                        .linkedTo("/procedures/" + changed.procedureId()));
    }

    /** A school put on a list hears it, and so does its municipality. */
    @EventListener
    void on(SchoolsListed listed) {
        if (listed.schoolIds().isEmpty()) {
            return;
        }
        Map<Long, OrgUnit> schools = directory.byIds(listed.schoolIds());
        List<Recipient> directors = accounts.answeringFor(schools.keySet()).stream().filter(p -> p.role() == Role.SCHOOL).toList();
        List<Recipient> officers = accounts.municipalOfficers(schools.values().stream().map(OrgUnit::municipalityId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<Inbox.Delivery> deliveries = new ArrayList<>();
        for (OrgUnit school : schools.values()) {
            List<Recipient> people = new ArrayList<>(directors.stream().filter(p -> p.orgUnitId() == school.id()).toList());
            officers.stream().filter(p -> java.util.Objects.equals(p.municipalityId(), school.municipalityId())).forEach(people::add);
            Message message = Message.of(NotificationKind.SCHOOL_LISTED,
                            "school-listed:" + listed.year() + ":" + listed.kind() + ":" + school.id(), listed.regionId(),
                            school.displayName() + " — в перечне «" + listed.kind().label() + "» " + listed.year() + " года",
                            "Школа «" + school.displayName() + "» включена в перечень «" + listed.kind().title() + "» за "
                                    + listed.year() + " год. Сведения о школе и меры поддержки — в её профиле.")
                    .linkedTo("/schools/" + school.id() + "/profile");
            people.forEach(p -> deliveries.add(new Inbox.Delivery(p, message)));
        }
        inbox.tellEach(deliveries);
    }

    private String today(long regionId) {
        return executions.today(regionId).toString();
    }

    static String shorten(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
