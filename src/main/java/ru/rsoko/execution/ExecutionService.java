package ru.rsoko.execution;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.Hibernate;
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
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.Decision;
import ru.rsoko.meeting.Meeting;
import ru.rsoko.meeting.ProtocolSigned;
import ru.rsoko.meeting.ResponsibleParty;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.file.StoredFile;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.Clock;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.plan.ProcedureCalendar;
import ru.rsoko.meeting.DeadlineKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The execution of decisions: one record per decision and responsible organisation, created when the protocol
 * is signed, reported on by that organisation, watched by the levels above. "Overdue" is judged in the region's
 * time zone: a record due on 31 May is overdue from midnight of 1 June in Tomsk, four hours before Tver.
 */
@Service
@Transactional
public class ExecutionService {

    static final HistoryFields<Execution> HISTORY = HistoryFields.of(Execution.class)
            .field("Статус", e -> e.getStatus().label())
            .field("Отчёт", Execution::getReport)
            .field("Причина невыполнения", Execution::getReason)
            .field("Ссылка на подтверждение", Execution::getEvidenceUrl)
            .field("Файл", e -> e.getEvidenceFile() == null ? null : e.getEvidenceFile().getName())
            .field("Срок", e -> e.getDueDate() == null ? null : Formats.DATE.format(e.getDueDate()));

    private static final Sort BY_DUE = Sort.by(Sort.Order.asc("dueDate").nullsLast(), Sort.Order.asc("id"));

    private final ExecutionRepository executions;
    private final DirectoryService directory;
    private final FileStore files;
    private final AuditHistory auditHistory;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final ProcedureCalendar calendar;
    private final Clock clock;

    ExecutionService(ExecutionRepository executions, DirectoryService directory, FileStore files, AuditHistory auditHistory,
                     EntityManager entityManager, JdbcTemplate jdbc, ProcedureCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.executions = executions;
        this.directory = directory;
        this.files = files;
        this.auditHistory = auditHistory;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- fan-out

    @EventListener
    public void onProtocolSigned(ProtocolSigned signed) {
        fanOut(signed.meetingId(), signed.signedOn());
    }

    /**
     * One record per decision and responsible organisation, written with one statement per party so that a
     * decision for all 2,000 schools of a region costs one round trip. An organisation named twice (by a category
     * and by name) gets one record.
     */
    int fanOut(long meetingId, LocalDate signedOn) {
        entityManager.flush();
        Meeting meeting = entityManager.find(Meeting.class, meetingId);
        int created = 0;
        List<LocalDate> procedureEnds = null;
        for (Decision decision : meeting.getDecisions()) {
            if (procedureEnds == null && decision.getDeadlineKind() == DeadlineKind.AFTER_EACH_PROCEDURE) {
                procedureEnds = calendar.ends(meeting.getRegionId());
            }
            Execution prototype = new Execution(decision, meeting.getRegionId(), signedOn,
                    procedureEnds == null ? List.of() : procedureEnds);
            for (ResponsibleParty party : decision.getResponsible()) {
                String where;
                Object unit;
                switch (party.getKind()) {
                    case ORGANISATION -> {
                        where = "o.id = ?";
                        unit = party.getOrgUnitId();
                    }
                    case ALL_MUNICIPALITIES -> {
                        where = meeting.isMunicipal() ? "o.id = ?" : "o.region_id = ? and o.type = 'MUNICIPALITY'";
                        unit = meeting.isMunicipal() ? meeting.getMunicipalityId() : meeting.getRegionId();
                    }
                    case ALL_SCHOOLS -> {
                        where = meeting.isMunicipal() ? "o.municipality_id = ? and o.type = 'SCHOOL'" : "o.region_id = ? and o.type = 'SCHOOL'";
                        unit = meeting.isMunicipal() ? meeting.getMunicipalityId() : meeting.getRegionId();
                    }
                    case SCHOOLS_OF -> {
                        where = "o.municipality_id = ? and o.type = 'SCHOOL'";
                        unit = party.getOrgUnitId();
                    }
                    default -> throw new IllegalStateException(party.getKind().name());
                }
                created += jdbc.update("""
                        insert into execution (decision_id, org_unit_id, region_id, municipality_id, status, recurring,
                                               period_start, due_date, version)
                        select ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED', ?, ?, ?, 0
                        from org_unit o
                        where o.active and o.region_id = ? and\s""" + where + """
                        \son conflict (decision_id, org_unit_id) do nothing""",
                        decision.getId(), prototype.isRecurring(), signedOn, prototype.getDueDate(), meeting.getRegionId(), unit);
            }
        }
        return created;
    }

    private List<LocalDate> procedureEnds(Execution execution) {
        return execution.isDueAfterProcedures() ? calendar.ends(execution.getRegionId()) : List.of();
    }

    private Schedule schedule(Execution execution) {
        return execution.schedule(procedureEnds(execution));
    }

    /**
     * A region's plan-schedule changed: every record due «по итогам процедур» is owed a set number of days after the
     * earliest procedure ended since its protocol was signed that it has not reported on yet. One statement for the
     * whole region; the records are derived, so their version is not bumped and nobody's form goes stale.
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
                    from execution e join decision d on d.id = e.decision_id
                    where e.region_id = ? and d.deadline_kind = 'AFTER_EACH_PROCEDURE')
                update execution e set due_date = due.due_date from due
                where e.id = due.id and e.due_date is distinct from due.due_date""", changed.regionId(), changed.regionId());
    }

    /** The region itself stands in for the organisation when working out a decision's first due date. */
    private OrgUnit regionUnit(Meeting meeting) {
        return directory.region(meeting.getRegionId());
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Page<Execution> find(Scope scope, ExecutionFilter filter, Pageable pageable) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_DUE);
        return executions.findAll(matching(scope, filter, todayByRegion(scope)), sorted);
    }

    @Transactional(readOnly = true)
    public void forEach(Scope scope, ExecutionFilter filter, Consumer<Execution> action) {
        Specification<Execution> spec = matching(scope, filter, todayByRegion(scope));
        Pageable page = PageRequest.of(0, 1000, BY_DUE);
        Page<Execution> chunk;
        do {
            chunk = executions.findAll(spec, page);
            chunk.forEach(action);
            page = page.next();
        } while (chunk.hasNext());
    }

    @Transactional(readOnly = true)
    public Execution get(Scope scope, long id) {
        Execution execution = executions.findWithDecisionById(id)
                .filter(e -> scope.covers(e.getRegionId(), e.getMunicipalityId(), e.getOrgUnit().getId()))
                .orElseThrow(() -> NotFoundException.of("Поручение", id));
        execution.getReports().forEach(r -> Hibernate.initialize(r.getEvidenceFile()));
        return execution;
    }

    @Transactional(readOnly = true)
    public List<ExecutionComment> comments(Scope scope, long id) {
        get(scope, id);
        return executions.comments(id);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long id) {
        get(scope, id);
        return auditHistory.of(Execution.class, id, HISTORY);
    }

    /** Today in the region of the record: the day "overdue" is judged by. */
    @Transactional(readOnly = true)
    public LocalDate today(long regionId) {
        return LocalDate.now(clock.withZone(directory.region(regionId).zone()));
    }

    /** Whether the user is the one to report on this record: it is their organisation's. */
    public boolean canReport(CurrentUser user, Execution execution) {
        return execution.getOrgUnit().getId().equals(user.orgUnitId());
    }

    /** The periods of an ongoing record that have begun, newest first, with the report of each if there is one. */
    @Transactional(readOnly = true)
    public List<PeriodRow> periods(Scope scope, long id) {
        Execution execution = get(scope, id);
        if (!execution.isRecurring()) {
            return List.of();
        }
        LocalDate today = today(execution.getRegionId());
        Schedule schedule = schedule(execution);
        List<PeriodRow> rows = new ArrayList<>();
        for (Schedule.Period period : schedule.periodsUntil(today)) {
            ExecutionReport report = execution.reportFor(period.start()).orElse(null);
            boolean overdue = report == null && period.end().isBefore(today);
            rows.add(new PeriodRow(period.start(), period.end(), report, overdue));
        }
        return rows.reversed();
    }

    public record PeriodRow(LocalDate start, LocalDate end, ExecutionReport report, boolean overdue) {
        public String label() {
            return Formats.DATE.format(start) + " – " + Formats.DATE.format(end);
        }
    }

    /** The period a report would be for now: the earliest without one, if it has begun. */
    @Transactional(readOnly = true)
    public Schedule.Period nextPeriod(Scope scope, long id) {
        Execution execution = get(scope, id);
        if (!execution.isRecurring()) {
            return null;
        }
        Schedule.Period period = schedule(execution).firstUnreported(execution.getReports());
        return period == null || period.start().isAfter(today(execution.getRegionId())) ? null : period;
    }

    // ---- reporting

    /** What the responsible organisation reports: status, report, reason, evidence. */
    public record Update(ExecutionStatus status, String report, String reason, String evidenceUrl, MultipartFile evidenceFile,
                         Long version) {
    }

    public Execution update(CurrentUser user, long id, Update update) {
        Execution execution = ownRecord(user, id);
        if (update.version() != null) {
            ConcurrentEditException.check(update.version(), execution.getVersion());
        }
        ExecutionStatus status = update.status() == null ? execution.getStatus() : update.status();
        String report = clean(update.report());
        String reason = clean(update.reason());
        if (execution.isRecurring() && (status == ExecutionStatus.DONE || status == ExecutionStatus.NOT_DONE)) {
            throw RuleViolationException.field("status", "Поручение со сроком «" + execution.getDecision().getDeadlineKind().label()
                    + "» не закрывается: отчитывайтесь за каждый период");
        }
        if (status == ExecutionStatus.DONE && report == null && execution.getReport() == null) {
            throw RuleViolationException.field("report", "Чтобы отметить поручение выполненным, напишите отчёт: что сделано");
        }
        if (status == ExecutionStatus.NOT_DONE && reason == null) {
            throw RuleViolationException.field("reason", "Укажите причину, по которой поручение не выполнено");
        }
        String url = checkedUrl(update.evidenceUrl());
        StoredFile file = FileStore.isChosen(update.evidenceFile()) ? files.store(update.evidenceFile()) : null;

        if (execution.getStatus() != status) {
            execution.setCompletedAt(status == ExecutionStatus.DONE || status == ExecutionStatus.NOT_DONE ? clock.instant() : null);
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
        executions.flush();
        return execution;
    }

    /** A period report of an ongoing record, for the earliest period still without one. */
    public ExecutionReport addReport(CurrentUser user, long id, String text, String evidenceUrl, MultipartFile evidenceFile, Long version) {
        Execution execution = ownRecord(user, id);
        if (version != null) {
            ConcurrentEditException.check(version, execution.getVersion());
        }
        if (!execution.isRecurring()) {
            throw RuleViolationException.conflict("Отчёты за периоды подают по постоянным поручениям; здесь укажите статус и отчёт");
        }
        String report = clean(text);
        if (report == null) {
            throw RuleViolationException.field("text", "Напишите отчёт за период: что сделано");
        }
        Schedule.Period period = schedule(execution).firstUnreported(execution.getReports());
        LocalDate today = today(execution.getRegionId());
        if (period == null) {
            throw RuleViolationException.conflict("По плану-графику нет завершившихся процедур, по итогам которых нужен отчёт");
        }
        if (period.start().isAfter(today)) {
            throw RuleViolationException.conflict("Отчёт за " + period.label() + " можно подать с " + Formats.DATE.format(period.start()));
        }
        String url = checkedUrl(evidenceUrl);
        StoredFile file = FileStore.isChosen(evidenceFile) ? files.store(evidenceFile) : null;
        ExecutionReport added = new ExecutionReport(execution, period, report, url, file, clock.instant(), user.getUsername());
        execution.getReports().add(added);
        execution.setStatus(ExecutionStatus.IN_PROGRESS);
        execution.recomputeDueDate(procedureEnds(execution));
        execution.touched(clock.instant(), user.getUsername());
        executions.flush();
        return added;
    }

    public ExecutionComment comment(CurrentUser user, long id, String text) {
        Execution execution = get(user.scope(), id);
        String clean = clean(text);
        if (clean == null) {
            throw RuleViolationException.field("text", "Напишите комментарий");
        }
        if (clean.length() > 5000) {
            throw RuleViolationException.field("text", "Комментарий — не длиннее 5000 символов");
        }
        ExecutionComment comment = new ExecutionComment(execution, clean, user.getUsername(), user.fullName(),
                user.orgUnitName(), clock.instant());
        entityManager.persist(comment);
        return comment;
    }

    @Transactional(readOnly = true)
    public StoredFile evidence(Scope scope, long id, Long reportId) {
        Execution execution = get(scope, id);
        StoredFile file = reportId == null ? execution.getEvidenceFile()
                : execution.getReports().stream().filter(r -> r.getId().equals(reportId)).findFirst()
                .map(ExecutionReport::getEvidenceFile).orElse(null);
        if (file == null) {
            throw NotFoundException.of("Файл", id);
        }
        return file;
    }

    private Execution ownRecord(CurrentUser user, long id) {
        Execution execution = get(user.scope(), id);
        if (!canReport(user, execution)) {
            throw RuleViolationException.forbidden("О выполнении отчитывается сама ответственная организация «"
                    + execution.getOrgUnit().getName() + "»");
        }
        return execution;
    }

    // ---- figures

    /** Counts of a set of records: how many done, in work, overdue, not started, not done. */
    public record Counts(long total, long done, long inWork, long overdue, long notStarted, long notDone) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(total + other.total, done + other.done, inWork + other.inWork, overdue + other.overdue,
                    notStarted + other.notStarted, notDone + other.notDone);
        }

        public long donePercent() {
            return total == 0 ? 0 : Math.round(100.0 * done / total);
        }
    }

    /** One column of the matrix: a municipality (or, for a municipal meeting, an organisation); id 0 is the region's own. */
    public record Column(long id, String name) {
    }

    public record Matrix(List<Column> columns, Map<Long, Map<Long, Counts>> cells, Map<Long, Counts> byDecision,
                         Map<Long, Counts> byColumn, Counts total) {

        public Counts cell(long decisionId, long columnId) {
            return cells.getOrDefault(decisionId, Map.of()).getOrDefault(columnId, Counts.NONE);
        }

        public Counts decision(long decisionId) {
            return byDecision.getOrDefault(decisionId, Counts.NONE);
        }

        public Counts column(long columnId) {
            return byColumn.getOrDefault(columnId, Counts.NONE);
        }
    }

    /**
     * Decision × municipality: what the records in the user's scope add up to. A municipal meeting's columns are
     * the municipality's own organisations (itself and its schools).
     */
    @Transactional(readOnly = true)
    public Matrix matrix(Scope scope, Meeting meeting) {
        String column = meeting.isMunicipal() ? "e.org_unit_id" : "coalesce(e.municipality_id, 0)";
        Map<Long, Map<Long, Counts>> cells = new HashMap<>();
        Map<Long, Counts> byDecision = new HashMap<>();
        Map<Long, Counts> byColumn = new HashMap<>();
        Counts total = Counts.NONE;
        for (CountRow row : countRows(scope, "e.decision_id", column, "d.meeting_id = ?", meeting.getId())) {
            cells.computeIfAbsent(row.first(), k -> new HashMap<>()).put(row.second(), row.counts());
            byDecision.merge(row.first(), row.counts(), Counts::plus);
            byColumn.merge(row.second(), row.counts(), Counts::plus);
            total = total.plus(row.counts());
        }
        return new Matrix(columns(meeting, byColumn.keySet()), cells, byDecision, byColumn, total);
    }

    /** Figures per meeting, for a list of meetings: one query for the whole page. */
    @Transactional(readOnly = true)
    public Map<Long, Counts> countsByMeeting(Scope scope, List<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Counts> counts = new HashMap<>();
        for (CountRow row : countRows(scope, "d.meeting_id", "0", "d.meeting_id = any(?)", meetingIds.toArray(Long[]::new))) {
            counts.put(row.first(), row.counts());
        }
        return counts;
    }

    private record CountRow(long first, long second, Counts counts) {
    }

    /**
     * Counts records grouped by two expressions. Each record is judged against today of its own region, so the
     * figures are right for a deployment administrator looking across time zones too.
     */
    private List<CountRow> countRows(Scope scope, String first, String second, String where, Object whereArg) {
        Map<Long, LocalDate> today = todayByRegion(scope);
        StringBuilder sql = new StringBuilder("""
                select %s as first, %s as second,
                       count(*) as total,
                       count(*) filter (where e.status = 'DONE') as done,
                       count(*) filter (where e.status = 'NOT_DONE') as not_done,
                       count(*) filter (where e.due_date < t.today and (e.recurring or e.status in ('NOT_STARTED', 'IN_PROGRESS'))) as overdue,
                       count(*) filter (where e.status = 'IN_PROGRESS' and not coalesce(e.due_date < t.today, false)) as in_work
                from execution e
                join decision d on d.id = e.decision_id
                join unnest(?::bigint[], ?::date[]) as t(region_id, today) on t.region_id = e.region_id
                where %s""".formatted(first, second, where));
        List<Object> args = new ArrayList<>();
        args.add(today.keySet().toArray(Long[]::new));
        args.add(today.values().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new));
        args.add(whereArg);
        switch (scope.level()) {
            case ALL -> {
            }
            case REGION -> {
                sql.append(" and e.region_id = ?");
                args.add(scope.regionId());
            }
            case MUNICIPALITY -> {
                sql.append(" and e.municipality_id = ?");
                args.add(scope.municipalityId());
            }
            case ORG_UNIT -> {
                sql.append(" and e.org_unit_id = ?");
                args.add(scope.orgUnitId());
            }
        }
        sql.append(" group by 1, 2");
        return jdbc.query(sql.toString(), (rs, i) -> {
            long total = rs.getLong("total");
            long done = rs.getLong("done");
            long notDone = rs.getLong("not_done");
            long overdue = rs.getLong("overdue");
            long inWork = rs.getLong("in_work");
            return new CountRow(rs.getLong("first"), rs.getLong("second"),
                    new Counts(total, done, inWork, overdue, total - done - notDone - overdue - inWork, notDone));
        }, args.toArray());
    }

    private List<Column> columns(Meeting meeting, Set<Long> present) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (meeting.isMunicipal()) {
            for (Long id : present) {
                names.put(id, directory.get(Scope.all(), id).displayName());
            }
        } else {
            directory.municipalitiesOf(Scope.all(), meeting.getRegionId()).stream()
                    .filter(m -> present.contains(m.id()))
                    .forEach(m -> names.put(m.id(), m.displayName()));
            if (present.contains(0L)) {
                names.put(0L, "Региональные организации");
            }
        }
        return names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new Column(e.getKey(), e.getValue())).toList();
    }

    /** Figures of the records in a scope: for home pages and the region's overview. */
    @Transactional(readOnly = true)
    public Counts counts(Scope scope, ExecutionFilter filter) {
        Map<Long, LocalDate> today = todayByRegion(scope);
        long total = executions.count(matching(scope, filter, today));
        long overdue = executions.count(matching(scope, withOverdue(filter, true), today));
        long done = executions.count(matching(scope, withStatus(filter, ExecutionStatus.DONE), today));
        long notDone = executions.count(matching(scope, withStatus(filter, ExecutionStatus.NOT_DONE), today));
        long inWork = executions.count(matching(scope, withOverdue(withStatus(filter, ExecutionStatus.IN_PROGRESS), false), today));
        return new Counts(total, done, inWork, overdue, total - done - notDone - overdue - inWork, notDone);
    }

    private static ExecutionFilter withOverdue(ExecutionFilter f, boolean overdue) {
        return new ExecutionFilter(f.status(), overdue, f.orgUnitId(), f.meetingId(), f.decisionId(), f.municipalityId(), f.q());
    }

    private static ExecutionFilter withStatus(ExecutionFilter f, ExecutionStatus status) {
        return new ExecutionFilter(status, f.overdue(), f.orgUnitId(), f.meetingId(), f.decisionId(), f.municipalityId(), f.q());
    }

    // ---- queries

    private Map<Long, LocalDate> todayByRegion(Scope scope) {
        Map<Long, LocalDate> today = new HashMap<>();
        if (scope.isAll()) {
            directory.regions(scope).forEach(r -> today.put(r.id(), LocalDate.now(clock.withZone(r.zone()))));
        } else {
            today.put(scope.regionId(), today(scope.regionId()));
        }
        return today;
    }

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
            Join<Execution, Decision> decision = root.join("decision");
            if (filter.meetingId() != null) {
                where.add(cb.equal(decision.get("meeting").get("id"), filter.meetingId()));
            }
            if (filter.decisionId() != null) {
                where.add(cb.equal(decision.get("id"), filter.decisionId()));
            }
            if (filter.municipalityId() != null) {
                where.add(filter.municipalityId() == 0 ? cb.isNull(root.get("municipalityId"))
                        : cb.equal(root.get("municipalityId"), filter.municipalityId()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = "%" + filter.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(decision.get("text")), like, '\\'),
                        cb.like(cb.lower(root.get("orgUnit").get("name")), like, '\\')));
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

    private static String checkedUrl(String url) {
        String clean = clean(url);
        if (clean == null) {
            return null;
        }
        if (clean.length() > 2000 || !clean.matches("^https?://[^\\s/$.?#][^\\s]*$")) {
            throw RuleViolationException.field("evidenceUrl", "Ссылка на подтверждение должна быть адресом страницы: http://… или https://…");
        }
        return clean;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
