package ru.rsoko.execution.domain;

import org.springframework.dao.OptimisticLockingFailureException;
import ru.rsoko.platform.search.Search;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.execution.ExecutionCommented;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.meeting.ProtocolSigned;
import ru.rsoko.meeting.ResponsibleParty;
import ru.rsoko.meeting.SignedDecision;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.plan.ProcedureCalendar;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.file.StoredFile;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.rsoko.platform.web.TextLimits;

/**
 * The execution of decisions: one record per decision and responsible organisation, created when the protocol
 * is signed, reported on by that organisation, watched by the levels above. "Overdue" is judged in the region's
 * time zone: a record due on 31 May is overdue from midnight of 1 June in Tomsk, four hours before Tver.
 * <p>
 * Decisions belong to the meeting module: records keep them by id, and their facts come from
 * {@link MeetingService#decisions} once per page. Every method owns its transaction and answers records.
 */
@Service
@Transactional
public class ExecutionManagement implements ExecutionService {

    static final HistoryFields<Execution> HISTORY = HistoryFields.of(Execution.class)
            .field("Статус", e -> e.getStatus().label())
            .field("Отчёт", Execution::getReport)
            .field("Причина невыполнения", Execution::getReason)
            .field("Ссылка на подтверждение", Execution::getEvidenceUrl)
            .field("Файл", e -> e.getEvidenceFile() == null ? null : e.getEvidenceFile().getName())
            .field("Срок", e -> e.getDueDate() == null ? null : Formats.DATE.format(e.getDueDate()))
            .event("Отчёт подан за", Execution::getReportedPeriods);

    private static final Sort BY_DUE = Sort.by(Sort.Order.asc("dueDate").nullsLast(), Sort.Order.asc("id"));

    private final ExecutionRepository executions;
    private final MeetingService meetings;
    private final DirectoryService directory;
    private final FileStore files;
    private final AuditHistory auditHistory;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final ProcedureCalendar calendar;
    private final RegionDays days;
    private final Clock clock;
    private final MeetingFigures figures;
    private final ApplicationEventPublisher events;

    ExecutionManagement(ExecutionRepository executions, MeetingService meetings, DirectoryService directory, FileStore files,
                        AuditHistory auditHistory, EntityManager entityManager, JdbcTemplate jdbc,
                        ProcedureCalendar calendar, RegionDays days, Clock clock, MeetingFigures figures,
                        ApplicationEventPublisher events) {
        this.figures = figures;
        this.events = events;
        this.executions = executions;
        this.meetings = meetings;
        this.directory = directory;
        this.files = files;
        this.auditHistory = auditHistory;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.days = days;
        this.clock = clock;
    }

    // ---- fan-out

    /** In the signing transaction: the records are there when the protocol is, or neither is. */
    @EventListener
    public void onProtocolSigned(ProtocolSigned signed) {
        fanOut(signed.meetingId(), signed.signedOn());
    }

    /**
     * One record per decision and responsible organisation, all written by one statement whatever the number of
     * decisions and parties (so statement triggers on {@code execution} run once): the parties go in as arrays, each
     * naming one organisation, the municipalities of the region, or the schools of a municipality or of the region. A
     * decision for all 2,000 schools of a region costs no more round trips than one for a single school. An
     * organisation named twice (by a category and by name) gets one record. Organisations are read from the
     * directory's view {@code directory_org_unit}. Nothing is audited here, as before: a record's history starts with
     * its first report.
     */
    int fanOut(long meetingId, LocalDate signedOn) {
        entityManager.flush();
        List<Long> decisions = new ArrayList<>();
        List<Boolean> recurrings = new ArrayList<>();
        List<LocalDate> dues = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        List<LocalDate> procedureEnds = null;
        Long regionId = null;
        for (SignedDecision signed : meetings.signedDecisions(meetingId)) {
            DecisionFacts decision = signed.decision();
            MeetingSummary meeting = decision.meeting();
            regionId = meeting.regionId();
            if (procedureEnds == null && decision.deadlineKind() == DeadlineKind.AFTER_EACH_PROCEDURE) {
                procedureEnds = calendar.ends(meeting.regionId());
            }
            boolean recurring = Execution.recurring(decision);
            LocalDate due = Execution.firstDueDate(decision, signedOn, procedureEnds == null ? List.of() : procedureEnds);
            for (ResponsibleParty party : signed.responsible()) {
                String kind;
                long unit;
                switch (party.kind()) {
                    case ORGANISATION -> {
                        kind = "UNIT";
                        unit = party.orgUnitId();
                    }
                    case ALL_MUNICIPALITIES -> {
                        kind = meeting.municipal() ? "UNIT" : "MUNICIPALITIES";
                        unit = meeting.municipal() ? meeting.municipalityId() : meeting.regionId();
                    }
                    case ALL_SCHOOLS -> {
                        kind = meeting.municipal() ? "SCHOOLS_OF" : "SCHOOLS";
                        unit = meeting.municipal() ? meeting.municipalityId() : meeting.regionId();
                    }
                    case SCHOOLS_OF -> {
                        kind = "SCHOOLS_OF";
                        unit = party.orgUnitId();
                    }
                    default -> throw new IllegalStateException(party.kind().name());
                }
                decisions.add(decision.id());
                recurrings.add(recurring);
                dues.add(due);
                kinds.add(kind);
                units.add(unit);
            }
        }
        if (decisions.isEmpty()) {
            return 0;
        }
        long region = regionId;
        return jdbc.execute((java.sql.Connection con) -> {
            try (java.sql.PreparedStatement ps = con.prepareStatement("""
                    insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status,
                                           recurring, period_start, due_date, version)
                    select distinct p.decision_id, ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED', p.recurring,
                                    ?::date, p.due, 0
                    from unnest(?::bigint[], ?::boolean[], ?::date[], ?::text[], ?::bigint[])
                         as p(decision_id, recurring, due, kind, unit)
                    join directory_org_unit o on o.active and o.region_id = ? and (
                           (p.kind = 'UNIT' and o.id = p.unit)
                        or (p.kind = 'MUNICIPALITIES' and o.type = 'MUNICIPALITY')
                        or (p.kind = 'SCHOOLS' and o.type = 'SCHOOL')
                        or (p.kind = 'SCHOOLS_OF' and o.type = 'SCHOOL' and o.municipality_id = p.unit))
                    on conflict (decision_id, org_unit_id) do nothing""")) {
                ps.setLong(1, meetingId);
                ps.setObject(2, signedOn);
                ps.setArray(3, con.createArrayOf("bigint", decisions.toArray()));
                ps.setArray(4, con.createArrayOf("bool", recurrings.toArray()));
                ps.setArray(5, con.createArrayOf("date", dues.stream().map(d -> d == null ? null : java.sql.Date.valueOf(d)).toArray()));
                ps.setArray(6, con.createArrayOf("text", kinds.toArray()));
                ps.setArray(7, con.createArrayOf("bigint", units.toArray()));
                ps.setLong(8, region);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * A region's plan-schedule changed: every record due «по итогам процедур» is owed a set number of days after the
     * earliest procedure ended since its protocol was signed that it has not reported on yet. One statement for the
     * whole region; the records are derived, so their version is not bumped and nobody's form goes stale. The
     * decisions' deadlines are read from the meeting module's view {@code meeting_decision}.
     */
    @EventListener
    public void onPlanScheduleChanged(PlanScheduleChanged changed) {
        entityManager.flush();
        jdbc.update("with ends as (" + ProcedureCalendar.ENDS_SQL + """
                ), due as (
                    select e.id, (select min(ends.end_day) from ends where ends.end_day >= e.period_start
                                  and not exists (select 1 from execution_report r
                                                  where r.execution_id = e.id and r.period_start = ends.end_day))
                                 + d.days_after_procedure as due_date
                    from execution e join meeting_decision d on d.id = e.decision_id
                    where e.region_id = ? and d.deadline_kind = 'AFTER_EACH_PROCEDURE')
                update execution e set due_date = due.due_date from due
                where e.id = due.id and e.due_date is distinct from due.due_date""", changed.regionId(), changed.regionId());
    }

    // ---- reading

    @Override
    @Transactional(readOnly = true)
    public Page<ExecutionRecord> find(Scope scope, ExecutionFilter filter, Pageable pageable) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_DUE);
        Page<Execution> found = executions.findAll(matching(scope, filter, days.byRegion(scope)), sorted);
        Map<Long, DecisionFacts> decisions = decisionsOf(found.getContent());
        return found.map(e -> e.toRecord(decisions.get(e.getDecisionId())));
    }

    /** Every matching record, read a thousand at a time with their decisions: for exports of any size. */
    @Transactional(readOnly = true)
    public void forEach(Scope scope, ExecutionFilter filter, Consumer<ExecutionRecord> action) {
        Specification<Execution> spec = matching(scope, filter, days.byRegion(scope));
        Pageable page = PageRequest.of(0, 1000, BY_DUE);
        Page<Execution> chunk;
        do {
            chunk = executions.findAll(spec, page);
            Map<Long, DecisionFacts> decisions = decisionsOf(chunk.getContent());
            chunk.forEach(e -> action.accept(e.toRecord(decisions.get(e.getDecisionId()))));
            entityManager.clear();
            page = page.next();
        } while (chunk.hasNext());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExecutionRecord> owingDue(Scope scope, LocalDate from, LocalDate to) {
        Specification<Execution> spec = matching(scope, ExecutionFilter.none(), Map.of()).and((root, query, cb) -> cb.and(
                cb.between(root.get("dueDate"), from, to),
                cb.or(cb.isTrue(root.get("recurring")), root.get("status").in(ExecutionStatus.NOT_STARTED, ExecutionStatus.IN_PROGRESS))));
        return records(executions.findAll(spec, BY_DUE));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExecutionRecord> ofMeeting(Scope scope, long meetingId) {
        return records(executions.findAll(matching(scope, new ExecutionFilter(null, null, null, meetingId, null, null, null),
                Map.of()), Sort.by("orgUnit.id", "decisionId")));
    }

    /** The records with their decisions, read in one batch. */
    private List<ExecutionRecord> records(List<Execution> found) {
        Map<Long, DecisionFacts> decisions = decisionsOf(found);
        return found.stream().map(e -> e.toRecord(decisions.get(e.getDecisionId()))).toList();
    }

    private Map<Long, DecisionFacts> decisionsOf(List<Execution> records) {
        return meetings.decisions(records.stream().map(Execution::getDecisionId).distinct().toList());
    }

    private DecisionFacts decisionOf(Execution execution) {
        DecisionFacts decision = meetings.decisions(List.of(execution.getDecisionId())).get(execution.getDecisionId());
        if (decision == null) {
            throw NotFoundException.of("Решение", execution.getDecisionId());
        }
        return decision;
    }

    @Transactional(readOnly = true)
    public ExecutionRecord get(Scope scope, long id) {
        Execution execution = load(scope, id);
        return execution.toRecord(decisionOf(execution));
    }

    /** What a record's card shows, in one reading. */
    @Transactional(readOnly = true)
    public ExecutionCard card(CurrentUser user, long id) {
        Execution execution = load(user.scope(), id);
        DecisionFacts decision = decisionOf(execution);
        LocalDate today = today(execution.getRegionId());
        List<PeriodRow> periods = execution.isRecurring() ? periods(execution, schedule(execution, decision), today) : List.of();
        return new ExecutionCard(execution.toRecord(decision), today, canReport(user, execution), periods,
                executions.comments(id).stream().map(ExecutionComment::toView).toList(),
                auditHistory.of(Execution.class, id, HISTORY), directory.path(execution.getOrgUnit().getId()));
    }

    @Transactional(readOnly = true)
    public List<CommentView> comments(Scope scope, long id) {
        load(scope, id);
        return executions.comments(id).stream().map(ExecutionComment::toView).toList();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long id) {
        load(scope, id);
        return auditHistory.of(Execution.class, id, HISTORY);
    }

    @Override
    @Transactional(readOnly = true)
    public LocalDate today(long regionId) {
        return days.today(regionId);
    }

    /** Whether the user is the one to report on this record: it is their organisation's. */
    public boolean canReport(CurrentUser user, ExecutionRecord execution) {
        return execution.orgUnit().id() == user.orgUnitId();
    }

    private static boolean canReport(CurrentUser user, Execution execution) {
        return execution.getOrgUnit().getId().equals(user.orgUnitId());
    }

    /** The periods of an ongoing record that have begun, newest first, with the report of each if there is one. */
    @Transactional(readOnly = true)
    public List<PeriodRow> periods(Scope scope, long id) {
        Execution execution = load(scope, id);
        if (!execution.isRecurring()) {
            return List.of();
        }
        return periods(execution, schedule(execution, decisionOf(execution)), today(execution.getRegionId()));
    }

    private static List<PeriodRow> periods(Execution execution, Schedule schedule, LocalDate today) {
        List<PeriodRow> rows = new ArrayList<>();
        for (Period period : schedule.periodsUntil(today)) {
            ExecutionReport report = execution.reportFor(period.start()).orElse(null);
            boolean overdue = report == null && period.end().isBefore(today);
            rows.add(new PeriodRow(period.start(), period.end(), report == null ? null : report.toView(), overdue));
        }
        return rows.reversed();
    }

    // ---- reporting

    /** What the responsible organisation reports: status, report, reason, evidence. */
    public record Update(@Nullable ExecutionStatus status, @Nullable String report, @Nullable String reason,
                         @Nullable String evidenceUrl, @Nullable MultipartFile evidenceFile, @Nullable Long version) {
    }

    public ExecutionRecord update(CurrentUser user, long id, Update update) {
        Execution execution = ownRecord(user, id);
        DecisionFacts decision = decisionOf(execution);
        if (update.version() != null) {
            ConcurrentEditException.check(update.version(), execution.getVersion());
        }
        ExecutionStatus status = update.status() == null ? execution.getStatus() : update.status();
        String report = TextLimits.check("report", "Отчёт", clean(update.report()), TextLimits.TEXT);
        String reason = TextLimits.check("reason", "Причина", clean(update.reason()), TextLimits.TEXT);
        check(execution, decision, status, report, reason);
        String url = checkedUrl(update.evidenceUrl());
        StoredFile file = FileStore.isChosen(update.evidenceFile()) ? files.store(update.evidenceFile()) : null;
        apply(user, execution, status, report, reason, url, file);
        flushOrConflict();
        return execution.toRecord(decision);
    }

    /** Whether the record may take the status with the report and reason given; throws the rule it breaks. */
    private static void check(Execution execution, DecisionFacts decision, ExecutionStatus status, @Nullable String report,
                              @Nullable String reason) {
        if (!status.allowedFor(execution.isRecurring())) {
            throw RuleViolationException.field("status", "Поручение со сроком «" + decision.deadlineKind().label()
                    + "» не закрывается: отчитывайтесь за каждый период");
        }
        if (status == ExecutionStatus.DONE && report == null && execution.getReport() == null) {
            throw RuleViolationException.field("report", "Чтобы отметить поручение выполненным, напишите отчёт: что сделано");
        }
        if (status == ExecutionStatus.NOT_DONE && reason == null) {
            throw RuleViolationException.field("reason", "Укажите причину, по которой поручение не выполнено");
        }
    }

    /** The one way a record takes a status and report, alone or with others: whatever a change sets off happens here. */
    private void apply(CurrentUser user, Execution execution, ExecutionStatus status, @Nullable String report,
                       @Nullable String reason, @Nullable String url, @Nullable StoredFile file) {
        if (execution.getStatus() != status) {
            execution.setCompletedAt(status.isFinal() ? clock.instant() : null);
        }
        execution.setStatus(status);
        if (report != null) {
            execution.setReport(report);
        }
        execution.setReason(status == ExecutionStatus.NOT_DONE ? reason : null);
        if (url != null) {
            execution.setEvidenceUrl(url);
        }
        if (file != null) {
            execution.setEvidenceFile(file);
        }
        execution.touched(clock.instant(), user.getUsername());
    }

    /** How many records one request may change at once. */
    public static final int BULK_LIMIT = 500;

    /** A record chosen for a change of several at once, with the version the person saw. */
    public record BulkItem(long id, @Nullable Long version) {
    }

    /** One status, report and evidence for several records. */
    public record BulkUpdate(List<BulkItem> items, @Nullable ExecutionStatus status, @Nullable String report,
                             @Nullable String reason, @Nullable String evidenceUrl) {
    }

    /**
     * Several records take one status with one report: each is checked as it would be alone (its organisation, the
     * status allowed to it, its report and reason, the version the person saw), and either all change or none does;
     * every record refused is named in the {@link BatchRejectedException}. A record outside the person's scope refuses
     * the whole request as not found, as it would alone. Read with one query for the records and one for their decisions.
     */
    public List<ExecutionRecord> updateAll(CurrentUser user, BulkUpdate bulk) {
        Map<Long, BulkItem> items = new LinkedHashMap<>();
        for (BulkItem item : bulk.items() == null ? List.<BulkItem>of() : bulk.items()) {
            items.putIfAbsent(item.id(), item);
        }
        if (items.isEmpty()) {
            throw RuleViolationException.field("ids", "Отметьте поручения, которым нужно установить статус");
        }
        if (items.size() > BULK_LIMIT) {
            throw RuleViolationException.field("ids", "За один раз можно изменить не более " + Plurals.records(BULK_LIMIT)
                    + ", а отмечено " + items.size() + ": разделите их на несколько частей");
        }
        if (bulk.status() == null) {
            throw RuleViolationException.field("status", "Выберите статус, который нужно установить");
        }
        String report = TextLimits.check("report", "Отчёт", clean(bulk.report()), TextLimits.TEXT);
        String reason = TextLimits.check("reason", "Причина", clean(bulk.reason()), TextLimits.TEXT);
        String url = checkedUrl(bulk.evidenceUrl());
        Map<Long, Execution> found = new HashMap<>();
        for (Execution e : executions.findAllByIdIn(items.keySet())) {
            if (user.scope().covers(e.getRegionId(), e.getMunicipalityId(), e.getOrgUnit().getId())) {
                found.put(e.getId(), e);
            }
        }
        for (Long id : items.keySet()) {
            if (!found.containsKey(id)) {
                throw NotFoundException.of("Поручение", id);
            }
        }
        Map<Long, DecisionFacts> decisions = decisionsOf(List.copyOf(found.values()));
        for (Execution e : found.values()) {
            if (!decisions.containsKey(e.getDecisionId())) {
                throw NotFoundException.of("Решение", e.getDecisionId());
            }
        }
        List<BatchRejectedException.Problem> problems = new ArrayList<>();
        boolean stale = false;
        for (BulkItem item : items.values()) {
            Execution execution = found.get(item.id());
            DecisionFacts decision = decisions.get(execution.getDecisionId());
            try {
                if (!canReport(user, execution)) {
                    throw forbidden(execution);
                }
                if (item.version() == null) {
                    throw RuleViolationException.field("version", "Не указана версия поручения: передайте version из последнего чтения");
                }
                ConcurrentEditException.check(item.version(), execution.getVersion());
                check(execution, decision, bulk.status(), report, reason);
            } catch (RuleViolationException e) {
                problems.add(problem(execution, decision, e.getMessage()));
            } catch (ConcurrentEditException e) {
                stale = true;
                problems.add(problem(execution, decision, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException("Статус не изменён ни у одного поручения: "
                    + Plurals.of(problems.size(), "поручение нельзя", "поручения нельзя", "поручений нельзя")
                    + " изменить. Исправьте выбор и повторите.", problems, stale);
        }
        List<ExecutionRecord> updated = new ArrayList<>();
        for (BulkItem item : items.values()) {
            Execution execution = found.get(item.id());
            apply(user, execution, bulk.status(), report, reason, url, null);
        }
        executions.flush();
        for (BulkItem item : items.values()) {
            Execution execution = found.get(item.id());
            updated.add(execution.toRecord(decisions.get(execution.getDecisionId())));
        }
        return updated;
    }

    private static BatchRejectedException.Problem problem(Execution execution, DecisionFacts decision, String message) {
        String text = decision.text().strip();
        String shortText = text.length() > 60 ? text.substring(0, 59).strip() + "…" : text;
        return new BatchRejectedException.Problem(execution.getId(), null,
                "№ " + decision.number() + " «" + shortText + "» · " + execution.getOrgUnit().getName(), message);
    }

    /** A period report of an ongoing record, for the earliest period still without one. */
    public ReportView addReport(CurrentUser user, long id, @Nullable String text, @Nullable String evidenceUrl,
                                @Nullable MultipartFile evidenceFile, @Nullable Long version) {
        return addReports(user, id, new PeriodReport(List.of(), text, evidenceUrl, evidenceFile, version)).getFirst();
    }

    /**
     * One report for the chosen periods of an ongoing record, or for the earliest period without one when none is
     * chosen.
     *
     * @param periodStarts the first days of the periods reported on; empty for the earliest period still without a report
     */
    public record PeriodReport(List<LocalDate> periodStarts, @Nullable String text, @Nullable String evidenceUrl,
                               @Nullable MultipartFile evidenceFile, @Nullable Long version) {
    }

    /**
     * One report for several periods of an ongoing record at once, as one period report each (a file stored once and
     * shared by them). Each chosen period must be one of the record's schedule, have begun and have no report yet;
     * otherwise nothing is written and every refused period is named in the {@link BatchRejectedException}. The
     * record's history names the periods in one entry. Answers the reports, oldest period first.
     */
    public List<ReportView> addReports(CurrentUser user, long id, PeriodReport request) {
        Execution execution = ownRecord(user, id);
        if (request.version() != null) {
            ConcurrentEditException.check(request.version(), execution.getVersion());
        }
        if (!execution.isRecurring()) {
            throw RuleViolationException.conflict("Отчёты за периоды подают по постоянным поручениям; здесь укажите статус и отчёт");
        }
        String report = TextLimits.check("text", "Отчёт за период", clean(request.text()), TextLimits.TEXT);
        if (report == null) {
            throw RuleViolationException.field("text", "Напишите отчёт за период: что сделано");
        }
        DecisionFacts decision = decisionOf(execution);
        List<LocalDate> procedureEnds = procedureEnds(execution, decision);
        Schedule schedule = execution.schedule(decision, procedureEnds);
        LocalDate today = today(execution.getRegionId());
        List<Period> periods;
        if (request.periodStarts() == null || request.periodStarts().isEmpty()) {
            Period period = schedule.firstUnreported(execution.getReports());
            if (period == null) {
                throw RuleViolationException.conflict("По плану-графику нет завершившихся процедур, по итогам которых нужен отчёт");
            }
            if (period.start().isAfter(today)) {
                throw RuleViolationException.conflict("Отчёт за " + period.label() + " можно подать с " + Formats.DATE.format(period.start()));
            }
            periods = List.of(period);
        } else {
            periods = chosenPeriods(execution, schedule, request.periodStarts(), today);
        }
        String url = checkedUrl(request.evidenceUrl());
        StoredFile file = FileStore.isChosen(request.evidenceFile()) ? files.store(request.evidenceFile()) : null;
        Instant now = clock.instant();
        List<ExecutionReport> added = new ArrayList<>();
        for (Period period : periods) {
            added.add(new ExecutionReport(execution, period, report, url, file, now, user.getUsername()));
        }
        execution.getReports().addAll(added);
        execution.setStatus(ExecutionStatus.IN_PROGRESS);
        execution.setReportedPeriods(periodsText(periods));
        execution.recomputeDueDate(decision, procedureEnds);
        execution.touched(now, user.getUsername());
        flushOrConflict();
        return added.stream().map(ExecutionReport::toView).toList();
    }

    /** The chosen periods, oldest first, if every one may be reported on now; else every refusal at once. */
    private static List<Period> chosenPeriods(Execution execution, Schedule schedule, List<LocalDate> starts, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        List<BatchRejectedException.Problem> problems = new ArrayList<>();
        for (LocalDate start : starts.stream().distinct().sorted().toList()) {
            Period period = schedule.startingOn(start);
            if (period == null) {
                problems.add(new BatchRejectedException.Problem(execution.getId(), start, Formats.DATE.format(start),
                        "такого периода нет в графике отчётности по поручению"));
            } else if (period.start().isAfter(today)) {
                problems.add(new BatchRejectedException.Problem(execution.getId(), start, period.label(),
                        "период ещё не начался, отчёт можно подать с " + Formats.DATE.format(period.start())));
            } else if (execution.reportFor(start).isPresent()) {
                problems.add(new BatchRejectedException.Problem(execution.getId(), start, period.label(),
                        "отчёт за этот период уже подан"));
            } else {
                periods.add(period);
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchRejectedException("Отчёт не сохранён ни за один период: "
                    + Plurals.of(problems.size(), "период нельзя", "периода нельзя", "периодов нельзя")
                    + " выбрать. Исправьте выбор и отправьте отчёт снова.", problems, false);
        }
        return periods;
    }

    /** «2 периода (01.01.2024 – 31.03.2024, 01.04.2024 – 30.06.2024)», as the history names them. */
    static String periodsText(List<Period> periods) {
        return Plurals.of(periods.size(), "период", "периода", "периодов") + " ("
                + String.join(", ", periods.stream().map(Period::label).toList()) + ")";
    }

    public CommentView comment(CurrentUser user, long id, @Nullable String text) {
        Execution execution = load(user.scope(), id);
        String clean = TextLimits.check("text", "Комментарий", clean(text), TextLimits.TEXT);
        if (clean == null) {
            throw RuleViolationException.field("text", "Напишите комментарий");
        }
        if (clean.length() > 5000) {
            throw RuleViolationException.field("text", "Комментарий — не длиннее 5000 символов");
        }
        ExecutionComment comment = new ExecutionComment(execution, clean, user.getUsername(), user.fullName(),
                user.orgUnitName(), clock.instant());
        entityManager.persist(comment);
        entityManager.flush();
        events.publishEvent(new ExecutionCommented(execution.getId(), execution.getRegionId(), execution.getOrgUnit().getId(),
                comment.getId(), user.accountId(), user.orgUnitId(), user.fullName(), user.orgUnitName(), clean));
        return comment.toView();
    }

    /** The evidence file of the record (or of one of its period reports), for its download. */
    @Transactional(readOnly = true)
    public ExecutionRecord.Attachment evidence(Scope scope, long id, @Nullable Long reportId) {
        Execution execution = load(scope, id);
        StoredFile file = reportId == null ? execution.getEvidenceFile()
                : execution.getReports().stream().filter(r -> r.getId().equals(reportId)).findFirst()
                .map(ExecutionReport::getEvidenceFile).orElse(null);
        if (file == null) {
            throw NotFoundException.of("Файл", id);
        }
        return Execution.attachment(file);
    }

    private Execution load(Scope scope, long id) {
        return executions.findWithOrgUnitById(id)
                .filter(e -> scope.covers(e.getRegionId(), e.getMunicipalityId(), e.getOrgUnit().getId()))
                .orElseThrow(() -> NotFoundException.of("Поручение", id));
    }

    private Execution ownRecord(CurrentUser user, long id) {
        Execution execution = load(user.scope(), id);
        if (!canReport(user, execution)) {
            throw forbidden(execution);
        }
        return execution;
    }

    private static RuleViolationException forbidden(Execution execution) {
        return RuleViolationException.forbidden("О выполнении отчитывается сама ответственная организация «"
                + execution.getOrgUnit().getName() + "»");
    }

    private List<LocalDate> procedureEnds(Execution execution, DecisionFacts decision) {
        return decision.deadlineKind() == DeadlineKind.AFTER_EACH_PROCEDURE ? calendar.ends(execution.getRegionId()) : List.of();
    }

    private Schedule schedule(Execution execution, DecisionFacts decision) {
        return execution.schedule(decision, procedureEnds(execution, decision));
    }

    // ---- figures

    @Override
    @Transactional(readOnly = true)
    public ExecutionFigures.Counts counts(Scope scope, ExecutionFilter filter) {
        var kept = figures.total(scope, filter);
        if (kept.isPresent()) {
            return kept.get();
        }
        Map<Long, LocalDate> today = days.byRegion(scope);
        long total = executions.count(matching(scope, filter, today));
        long overdue = executions.count(matching(scope, withOverdue(filter, true), today));
        long done = executions.count(matching(scope, withStatus(filter, ExecutionStatus.DONE), today));
        long notDone = executions.count(matching(scope, withStatus(filter, ExecutionStatus.NOT_DONE), today));
        long inWork = executions.count(matching(scope, withOverdue(withStatus(filter, ExecutionStatus.IN_PROGRESS), false), today));
        return new ExecutionFigures.Counts(total, done, inWork, overdue, total - done - notDone - overdue - inWork, notDone);
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable Share onTimeShare(Scope scope, long regionId, int year) {
        ZoneId zone = directory.region(regionId).zone();
        List<Object> args = new ArrayList<>(List.of(zone.getId(), regionId, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), days.today(regionId)));
        String where = " and " + scope.toSql("e.region_id", "e.municipality_id", "e.org_unit_id", args);
        return jdbc.query("""
                select count(*),
                       count(*) filter (where e.status = 'DONE' and e.completed_at is not null
                                        and (e.completed_at at time zone ?)::date <= e.due_date)
                from execution e
                where e.region_id = ? and not e.recurring and e.due_date between ? and ?
                  and (e.due_date < ? or e.status = 'DONE')""" + where, rs -> {
            rs.next();
            long due = rs.getLong(1);
            return due == 0 ? null : Share.of(rs.getLong(2), due, ON_TIME_OF_ONE, ON_TIME_OF);
        }, args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ExecutionFigures.Counts> countsByMunicipality(Scope scope) {
        return figures.countsBy(scope, "coalesce(e.municipality_id, 0)");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ExecutionFigures.Counts> countsByOrgUnit(Scope scope) {
        return figures.countsBy(scope, "e.org_unit_id");
    }

    private static ExecutionFilter withOverdue(ExecutionFilter f, boolean overdue) {
        return new ExecutionFilter(f.status(), overdue, f.orgUnitId(), f.meetingId(), f.decisionId(), f.municipalityId(), f.q());
    }

    private static ExecutionFilter withStatus(ExecutionFilter f, ExecutionStatus status) {
        return new ExecutionFilter(status, f.overdue(), f.orgUnitId(), f.meetingId(), f.decisionId(), f.municipalityId(), f.q());
    }

    // ---- queries

    static Specification<Execution> matching(Scope scope, ExecutionFilter filter, Map<Long, LocalDate> todayByRegion) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(scope.toPredicate(cb, root.get("regionId"), root.get("municipalityId"), root.get("orgUnit").get("id")));
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.overdue() != null) {
                Predicate overdue = overdue(cb, root, todayByRegion);
                where.add(filter.overdue() ? overdue : cb.not(overdue));
            }
            if (filter.orgUnitId() != null) {
                where.add(cb.equal(root.get("orgUnit").get("id"), filter.orgUnitId()));
            }
            if (filter.meetingId() != null) {
                where.add(cb.equal(root.get("meetingId"), filter.meetingId()));
            }
            if (filter.decisionId() != null) {
                where.add(cb.equal(root.get("decisionId"), filter.decisionId()));
            }
            if (filter.municipalityId() != null) {
                where.add(filter.municipalityId() == 0 ? cb.isNull(root.get("municipalityId"))
                        : cb.equal(root.get("municipalityId"), filter.municipalityId()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = Search.containsPattern(filter.q());
                where.add(cb.or(Search.contains(cb, root.join("decision").get("text"), like),
                        Search.contains(cb, root.get("orgUnit").get("name"), like)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Due before today of its region, and still owed: open, or ongoing (never closed). */
    private static Predicate overdue(CriteriaBuilder cb, Root<Execution> root, Map<Long, LocalDate> todayByRegion) {
        Path<LocalDate> due = root.get("dueDate");
        List<Predicate> byRegion = new ArrayList<>();
        todayByRegion.forEach((regionId, today) ->
                byRegion.add(cb.and(cb.equal(root.get("regionId"), regionId), cb.lessThan(due, today))));
        Predicate late = byRegion.isEmpty() ? cb.disjunction() : cb.or(byRegion.toArray(Predicate[]::new));
        // null-safe, so that "not overdue" keeps the records without a date
        return cb.and(cb.isNotNull(due), late, cb.or(cb.isTrue(root.get("recurring")),
                root.get("status").in(ExecutionStatus.NOT_STARTED, ExecutionStatus.IN_PROGRESS)));
    }

    private static @Nullable String checkedUrl(@Nullable String url) {
        String clean = clean(url);
        if (clean == null) {
            return null;
        }
        TextLimits.check("evidenceUrl", "Ссылка на подтверждение", clean, TextLimits.URL);
        if (!clean.matches("^https?://[^\\s/$.?#][^\\s]*$")) {
            throw RuleViolationException.field("evidenceUrl", "Ссылка на подтверждение должна быть адресом страницы: http://… или https://…");
        }
        return clean;
    }

    /**
     * Writes the change now; when another person's change of the same record committed in between (their UPDATE won
     * the row), it is the same conflict as a stale version: the form comes back with the typed text.
     */
    private void flushOrConflict() {
        try {
            executions.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentEditException();
        }
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
