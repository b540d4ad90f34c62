package ru.rsoko.support;

import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.execution.domain.ReportView;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.AgendaItemView;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fresh meetings and execution records for tests, made through the application's services as the people who
 * would make them. Nothing here writes to the database around the rules.
 */
public class MeetingFixtures {

    private final MeetingManagement meetings;
    private final ExecutionManagement executions;
    private final UserDetailsService users;
    private final Fixtures fixtures;
    private final Map<Long, String> accountsOfOrgUnits = new HashMap<>();

    public MeetingFixtures(MeetingManagement meetings, ExecutionManagement executions, UserDetailsService users, Fixtures fixtures) {
        this.meetings = meetings;
        this.executions = executions;
        this.users = users;
        this.fixtures = fixtures;
    }

    public CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /**
     * A meeting made by {@code creator} (regional staff: of the region; a municipal officer: of the municipality),
     * dated today, with one agenda item carrying a link, and two decisions: one for every school by a date a month
     * ahead, one ongoing for the municipalities (regional) or the municipality itself (municipal).
     */
    public MeetingView meeting(String creator, boolean signed) {
        CurrentUser user = user(creator);
        ZoneId zone = user.zone();
        MeetingForm form = new MeetingForm();
        form.setKind(user.is(Role.MUNICIPALITY) ? MeetingKind.MEETING : MeetingKind.SEMINAR_MEETING);
        form.setTitle(Fixtures.unique("Проверочное совещание"));
        form.setDate(LocalDate.now(zone));
        String due = Formats.DATE.format(LocalDate.now(zone).plusMonths(1));
        MeetingView meeting = meetings.createWithContent(user, form,
                List.of(agendaItem("1", "Об исполнении решений")),
                List.of(decision("1", "Провести анализ результатов.", "руководители ОО", "до " + due,
                                DeadlineKind.BY_DATE, LocalDate.now(zone).plusMonths(1)),
                        decision("2", "Обеспечивать объективность процедур.", "руководители МОУО, руководители ОО", "постоянно",
                                DeadlineKind.ONGOING, null)));
        AgendaItemView item = meetings.get(Scope.all(), meeting.id()).agenda().getFirst();
        meetings.addMaterial(user, meeting.id(), item.id(), "Презентация", null,
                new MockMultipartFile("file", "слайды.pdf", "application/pdf", "%PDF-1.4 слайды".getBytes()));
        if (signed) {
            meetings.sign(user, meeting.id(), null);
        }
        return meetings.get(Scope.all(), meeting.id());
    }

    /** The record of a signed meeting's decision for the organisation. */
    public ExecutionRecord execution(MeetingView meeting, String decisionNumber, OrgUnit unit) {
        long decisionId = meeting.decisions().stream().filter(d -> d.number().equals(decisionNumber)).findFirst()
                .orElseThrow().id();
        long id = executions.find(Scope.all(), new ExecutionFilter(null, null, unit.id(), meeting.id(), decisionId, null, null),
                PageRequest.of(0, 1)).getContent().getFirst().id();
        return executions.get(Scope.all(), id);
    }

    /** Someone of the record's organisation attaches a file as evidence, as they would on the page. */
    public ExecutionRecord withEvidence(ExecutionRecord execution) {
        CurrentUser reporter = reporterOf(fixtures.org(execution.orgUnit().id()));
        executions.update(reporter, execution.id(), new ExecutionManagement.Update(null, "Отчёт с подтверждением", null, null,
                new MockMultipartFile("evidenceFile", "отчёт.pdf", "application/pdf", "%PDF-1.4 отчёт".getBytes()), null));
        return executions.get(Scope.all(), execution.id());
    }

    /** A person of the organisation who reports on its records: the demo account, or a new one. */
    public CurrentUser reporterOf(OrgUnit unit) {
        String username = accountsOfOrgUnits.computeIfAbsent(unit.id(), id -> {
            Role role = unit.type() == OrgUnitType.SCHOOL ? Role.SCHOOL
                    : unit.type() == OrgUnitType.MUNICIPALITY ? Role.MUNICIPALITY : Role.REGION;
            return fixtures.newAccount(role, unit).username();
        });
        return user(username);
    }

    private static AgendaItemForm agendaItem(String number, String title) {
        AgendaItemForm form = new AgendaItemForm();
        form.setNumber(number);
        form.setTitle(title);
        form.setSpeakers("Иванов Иван Иванович, специалист");
        return form;
    }

    private static DecisionForm decision(String number, String text, String responsible, String deadline, DeadlineKind kind,
                                         LocalDate due) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText(text);
        form.setResponsibleText(responsible);
        form.setDeadlineText(deadline);
        form.setDeadlineKind(kind);
        form.setDueDate(due);
        return form;
    }

    /** The id of the record's newest period report, or null when it has none. */
    public Long latestReportId(ExecutionRecord execution) {
        return executions.periods(Scope.all(), execution.id()).stream().map(PeriodRow::report).filter(Objects::nonNull)
                .map(ReportView::id).findFirst().orElse(null);
    }

    /** A period report with a file, by someone of the record's organisation. */
    public ExecutionRecord withPeriodReport(ExecutionRecord execution) {
        CurrentUser reporter = reporterOf(fixtures.org(execution.orgUnit().id()));
        executions.addReport(reporter, execution.id(), "Отчёт за период", null,
                new MockMultipartFile("evidenceFile", "период.pdf", "application/pdf", "%PDF-1.4 период".getBytes()), null);
        return executions.get(Scope.all(), execution.id());
    }
}
