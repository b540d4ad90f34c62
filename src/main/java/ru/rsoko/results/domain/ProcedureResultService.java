package ru.rsoko.results.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.FieldChange;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.Revision;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.Share;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.results.Subject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The results of procedures: written by the regional staff of the procedure's region (the API's rows with their
 * versions, or a workbook), read within the scope — the region's staff and administrators the region, a municipal
 * officer the municipality's schools, a director the school; the region's figures beside any of them.
 */
@Service
public class ProcedureResultService {

    /** School rows per page of the report. */
    public static final int PAGE = 50;

    static final String NOT_SAVED = "Результаты не сохранены: найдено ошибок — %d. Ничего не сохранено.";

    /** What a write did. */
    public record Saved(int rows, int created, int changed) {
    }

    /** A row checked and ready to write. */
    record Pending(ResultQueries.SchoolRef school, int grade, Subject subject, ResultInput.Figures figures,
                   @Nullable Long version, int row) {
        String key() {
            return key(school.id(), grade, subject.name());
        }

        static String key(long schoolId, int grade, String subject) {
            return schoolId + ":" + grade + ":" + subject;
        }
    }

    /** Figures of an organisation in a subject and grade with the region's beside, as pages and the API show them. */
    public record Row(long orgId, String orgName, @Nullable Long municipalityId, @Nullable String municipalityName,
                      @Nullable Subject subject, String subjectCode, int grade, ProcedureResults.Marks marks,
                      ProcedureResults.@Nullable Marks region) {

        public String subjectLabel() {
            return subject == null ? subjectCode : subject.label();
        }

        /** The share of a mark («2»…«5») among the participants. */
        public Share mark(int mark) {
            return share(marks, mark);
        }

        /** The region's share of the mark; an undefined share when there is no region beside. */
        public Share regionMark(int mark) {
            return share(region == null ? ProcedureResults.Marks.NONE : region, mark);
        }

        /** «4» and «5» among the participants: the quality of knowledge. */
        public Share quality() {
            return Share.of(marks.mark4() + marks.mark5(), marks.participants(), ONE, MANY);
        }

        public Share regionQuality() {
            ProcedureResults.Marks r = region == null ? ProcedureResults.Marks.NONE : region;
            return Share.of(r.mark4() + r.mark5(), r.participants(), ONE, MANY);
        }

        /** понизили (0), подтвердили (1), повысили (2) among the participants; null when not entered. */
        public @Nullable Share compared(int which) {
            return compared(marks, which);
        }

        public @Nullable Share regionCompared(int which) {
            return region == null ? null : compared(region, which);
        }

        static @Nullable Share compared(ProcedureResults.Marks m, int which) {
            Long part = switch (which) {
                case 0 -> m.lowered();
                case 1 -> m.confirmed();
                default -> m.raised();
            };
            return part == null ? null : Share.of(part, m.participants(), ONE, MANY);
        }

        static Share share(ProcedureResults.Marks m, int mark) {
            long part = switch (mark) {
                case 2 -> m.mark2();
                case 3 -> m.mark3();
                case 4 -> m.mark4();
                default -> m.mark5();
            };
            return Share.of(part, m.participants(), ONE, MANY);
        }

        private static final String ONE = "участника", MANY = "участников";
    }

    /** A procedure's report in the user's scope. */
    public record Report(Procedure procedure, List<Row> region, List<Row> municipalities, List<Row> schools,
                         long schoolRows, int page, List<Subject> subjects, List<Integer> grades, List<YearRow> years,
                         String yearsOf) {

        /** Whether the year-over-year rows are of less than the region, so that the region's figures go beside them. */
        public boolean yearsBeside() {
            return !yearsOf.equals("регион");
        }

        public int totalPages() {
            return (int) Math.max(1, (schoolRows + PAGE - 1) / PAGE);
        }
    }

    /** The scope's figures of one year of the procedure's type (the year in {@code row.orgName}), with the region's beside. */
    public record YearRow(int year, Row row) {
    }

    /** A school's results year over year. */
    public record SchoolYear(int year, long procedureId, @Nullable String procedureTitle, List<Row> rows) {
    }

    private final PlanAccess plans;
    private final DirectoryService directory;
    private final ResultQueries queries;
    private final ProcedureResultRepository repository;
    private final Clock clock;
    private final jakarta.persistence.EntityManager em;
    private final AuditHistory auditHistory;

    ProcedureResultService(PlanAccess plans, DirectoryService directory, ResultQueries queries,
                  ProcedureResultRepository repository, Clock clock, jakarta.persistence.EntityManager em,
                  AuditHistory auditHistory) {
        this.em = em;
        this.auditHistory = auditHistory;
        this.plans = plans;
        this.directory = directory;
        this.queries = queries;
        this.repository = repository;
        this.clock = clock;
    }

    /** Whether the user may enter results of the procedure: regional staff of its region. */
    public static boolean canWrite(CurrentUser user, Procedure procedure) {
        return user.is(Role.REGION) && Objects.equals(user.regionId(), procedure.regionId());
    }

    static void requireWriter(CurrentUser user, Procedure procedure) {
        if (!canWrite(user, procedure)) {
            throw RuleViolationException.forbidden("Результаты процедур вносят сотрудники региона");
        }
    }

    /** A procedure the user sees. */
    @Transactional(readOnly = true)
    public Procedure procedure(CurrentUser user, long procedureId) {
        return plans.procedure(user, procedureId);
    }

    /** Rows from the API, all or nothing; versions as read (null for a new row). */
    @Transactional(rollbackFor = Exception.class)
    public Saved saveRows(CurrentUser user, long procedureId, @Nullable List<ResultInput> rows) {
        Procedure procedure = plans.procedure(user, procedureId);
        requireWriter(user, procedure);
        if (rows == null || rows.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED.formatted(1), List.of(ImportError.ofFile("Нет ни одной строки (rows)")));
        }
        Map<Long, ResultQueries.SchoolRef> schools = queries.participating(user.scope(), procedure);
        List<ImportError> errors = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ResultInput r = rows.get(i);
            int n = i + 1;
            if (r == null) {
                errors.add(new ImportError(n, null, "пустая строка"));
                continue;
            }
            ResultQueries.SchoolRef school = r.schoolId() == null ? null : schools.get(r.schoolId());
            if (school == null) {
                errors.add(new ImportError(n, "schoolId", r.schoolId() == null ? "не указан ID ОО"
                        : "ОО с ID " + r.schoolId() + " не участвует в процедуре «" + procedure.title() + "»"));
                continue;
            }
            if (r.grade() == null || !procedure.gradeList().contains(r.grade())) {
                errors.add(new ImportError(n, "grade", r.grade() == null ? "не указан класс"
                        : "класс " + r.grade() + " не входит в процедуру (классы " + procedure.gradesText() + ")"));
                continue;
            }
            Subject subject = Subject.parse(r.subject());
            if (subject == null) {
                errors.add(new ImportError(n, "subject", r.subject() == null || r.subject().isBlank() ? "не указан предмет"
                        : "неизвестный предмет «" + shorten(r.subject()) + "»"));
                continue;
            }
            Integer first = seen.putIfAbsent(Pending.key(school.id(), r.grade(), subject.name()), n);
            if (first != null) {
                errors.add(new ImportError(n, "subject", "эта ОО, класс и предмет уже есть в строке " + first
                        + " — оставьте одну строку"));
                continue;
            }
            Map<String, Integer> marks = r.marks() == null ? Map.of() : r.marks();
            ResultInput.Figures figures = ResultInput.check(r.participants(), marks.get("2"), marks.get("3"),
                    marks.get("4"), marks.get("5"), r.meanScore(), r.lowered(), r.confirmed(), r.raised(), n,
                    ResultInput.Names.API, errors);
            if (figures != null) {
                pending.add(new Pending(school, r.grade(), subject, figures, r.version(), n));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED.formatted(errors.size()), errors);
        }
        return write(user.getUsername(), procedure, plans.plan(user, procedure.planId()).year(), pending, true);
    }

    /**
     * Writes the rows: a new one is created with the procedure's year and type, an existing one changed. With
     * {@code checkVersions} each row's version must be the stored one (null only for a row not stored yet): any
     * other is a conflict (409) and nothing is written; an upload of the template writes over what is stored.
     */
    Saved write(String username, Procedure procedure, int year, List<Pending> pending, boolean checkVersions) {
        Map<String, ProcedureResult> stored = new HashMap<>();
        for (ProcedureResult r : repository.findByProcedureId(procedure.id())) {
            stored.put(Pending.key(r.getSchoolId(), r.getGrade(), r.getSubject()), r);
        }
        Instant now = clock.instant();
        int created = 0, changed = 0;
        List<ProcedureResult> fresh = new ArrayList<>();
        for (Pending p : pending) {
            ProcedureResult result = stored.get(p.key());
            if (result == null) {
                if (checkVersions && p.version() != null) {
                    throw new ConcurrentEditException();
                }
                result = new ProcedureResult(procedure.id(), procedure.typeCode(), procedure.regionId(),
                        p.school().municipalityId(), p.school().id(), year, p.grade(),
                        p.subject().name());
                result.set(p.figures(), username, now);
                fresh.add(result);
                created++;
            } else {
                if (checkVersions) {
                    if (p.version() == null) {
                        throw new ConcurrentEditException();
                    }
                    ConcurrentEditException.check(p.version(), result.getVersion());
                }
                if (result.set(p.figures(), username, now)) {
                    changed++;
                }
            }
        }
        repository.saveAll(fresh);
        repository.flush();
        return new Saved(pending.size(), created, changed);
    }

    /** The report page: the procedures with results to choose from and the chosen one's report (or the newest's). */
    public record ReportPage(List<Procedure> procedures, @Nullable Report report) {
    }

    @Transactional(readOnly = true)
    public ReportPage reportPage(CurrentUser user, @Nullable Long procedureId, @Nullable String subject,
                                 @Nullable Integer grade, @Nullable Long municipalityId, int page) {
        List<Procedure> procedures = withResults(user);
        Long chosen = procedureId != null ? procedureId : procedures.isEmpty() ? null : procedures.getFirst().id();
        return new ReportPage(procedures, chosen == null ? null : report(user, chosen, subject, grade, municipalityId, page));
    }

    /** The procedures the user sees that have results, the latest year first. */
    @Transactional(readOnly = true)
    public List<Procedure> withResults(CurrentUser user) {
        Map<Long, Integer> years = queries.procedures(user.regionId());
        if (years.isEmpty()) {
            return List.of();
        }
        List<Plan> visible = plans.list(user);
        List<Procedure> found = new ArrayList<>();
        plans.procedures(visible).values().forEach(list -> list.stream().filter(p -> years.containsKey(p.id())).forEach(found::add));
        found.sort(Comparator.comparing((Procedure p) -> p.periodStart()).reversed().thenComparing(Procedure::title));
        return found;
    }

    /** The procedure's results summed by school, municipality or region in the user's scope, for the API. */
    @Transactional(readOnly = true)
    public List<Row> figures(CurrentUser user, long procedureId, String by, @Nullable String subject, @Nullable Integer grade) {
        Procedure procedure = plans.procedure(user, procedureId);
        String level = switch (by == null ? "school" : by) {
            case "school", "municipality", "region" -> by == null ? "school" : by;
            default -> throw RuleViolationException.field("by", "by — school, municipality или region, а не «" + shorten(by) + "»");
        };
        String code = subjectCode(subject);
        if (level.equals("municipality") && user.is(Role.SCHOOL)) {
            return List.of();
        }
        return rows(queries.figures(user.scope(), procedure.id(), level, code, grade, null, null, Integer.MAX_VALUE, 0));
    }

    /** The report of a procedure: the region's rows, the municipalities' and a page of the schools'. */
    @Transactional(readOnly = true)
    public Report report(CurrentUser user, long procedureId, @Nullable String subject, @Nullable Integer grade,
                         @Nullable Long municipalityId, int page) {
        Procedure procedure = plans.procedure(user, procedureId);
        String code = subjectCode(subject);
        List<Row> region = rows(queries.figures(user.scope(), procedure.id(), "region", code, grade, null, null, 10_000, 0));
        List<Row> municipalities = user.is(Role.SCHOOL) ? List.of()
                : rows(queries.figures(user.scope(), procedure.id(), "municipality", code, grade, municipalityId, null, 10_000, 0));
        long count = queries.count(user.scope(), procedure.id(), code, grade, municipalityId);
        int p = Math.max(0, Math.min(page, ru.rsoko.platform.web.Paging.MAX_PAGE));
        List<Row> schools = rows(queries.figures(user.scope(), procedure.id(), "school", code, grade, municipalityId, null,
                PAGE, (long) p * PAGE));
        Set<Subject> subjects = new LinkedHashSet<>();
        Set<Integer> grades = new java.util.TreeSet<>();
        for (String[] sg : queries.subjectsAndGrades(procedure.id())) {
            Subject s = ResultFigures.subject(sg[0]);
            if (s != null) {
                subjects.add(s);
            }
            grades.add(Integer.valueOf(sg[1]));
        }
        return new Report(procedure, region, municipalities, schools, count, p, List.copyOf(subjects), List.copyOf(grades),
                years(user, procedure, code, grade, municipalityId),
                municipalityId != null || user.is(Role.MUNICIPALITY) ? "муниципалитет" : user.is(Role.SCHOOL) ? "ваша ОО" : "регион");
    }

    /** Year over year for the procedure's type: the user's scope (or the chosen municipality) with the region beside. */
    @Transactional(readOnly = true)
    public List<YearRow> years(CurrentUser user, Procedure procedure, @Nullable String subject, @Nullable Integer grade,
                               @Nullable Long municipalityId) {
        return queries.yearly(user.scope(), procedure.regionId(), procedure.typeCode(), subject, grade, municipalityId)
                .stream().map(f -> new YearRow(f.year(), new Row(0, String.valueOf(f.year()), null, null,
                        ResultFigures.subject(f.subject()), f.subject(), f.grade(), f.marks(), f.region()))).toList();
    }

    /** Every row of one level of the report in the scope, for its .xlsx. */
    @Transactional(readOnly = true)
    public List<Row> all(CurrentUser user, long procedureId, String by, @Nullable String subject, @Nullable Integer grade,
                         @Nullable Long municipalityId) {
        Procedure procedure = plans.procedure(user, procedureId);
        if (by.equals("municipality") && user.is(Role.SCHOOL)) {
            return List.of();
        }
        return rows(queries.figures(user.scope(), procedure.id(), by, subjectCode(subject), grade, municipalityId, null,
                Integer.MAX_VALUE, 0));
    }

    /** A school of the user's scope. */
    @Transactional(readOnly = true)
    public OrgUnit school(CurrentUser user, long schoolId) {
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (school.type() != OrgUnitType.SCHOOL) {
            throw NotFoundException.of("ОО", schoolId);
        }
        return school;
    }

    /** A school's results of a procedure type year over year (newest first), the region's beside each row. */
    @Transactional(readOnly = true)
    public List<SchoolYear> schoolYears(CurrentUser user, long schoolId, String procedureType) {
        OrgUnit school = school(user, schoolId);
        List<ResultQueries.SchoolYearFigures> found = queries.school(school.id(), procedureType);
        Map<Long, String> titles = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        found.forEach(f -> ids.add(f.procedureId()));
        if (!ids.isEmpty()) {
            plans.procedures(plans.list(user)).values().forEach(list -> list.stream().filter(p -> ids.contains(p.id()))
                    .forEach(p -> titles.put(p.id(), p.title())));
        }
        List<SchoolYear> years = new ArrayList<>();
        SchoolYear current = null;
        for (ResultQueries.SchoolYearFigures f : found) {
            if (current == null || current.procedureId() != f.procedureId()) {
                current = new SchoolYear(f.year(), f.procedureId(), titles.get(f.procedureId()), new ArrayList<>());
                years.add(current);
            }
            current.rows().add(new Row(school.id(), school.name(), school.municipalityId(), school.parentName(),
                    ResultFigures.subject(f.subject()), f.subject(), f.grade(), f.marks(), f.region()));
        }
        return years;
    }

    /**
     * Who changed which results of the school when, newest first: one entry per revision, each change named by its
     * year, subject and grade.
     */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long schoolId) {
        OrgUnit school = school(user, schoolId);
        Map<Long, Integer> years = new HashMap<>();
        queries.resultIds(school.id()).forEach(r -> years.put(r[0], (int) (long) r[1]));
        if (years.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(ProcedureResult.class, false, true)
                .add(AuditEntity.id().in(years.keySet()))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, ProcedureResult> previous = new HashMap<>();
        Map<Long, HistoryEntry> byRevision = new java.util.LinkedHashMap<>();
        for (Object[] row : revisions) {
            ProcedureResult state = (ProcedureResult) row[0];
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            ProcedureResult before = previous.put(state.getId(), state);
            Subject subject = ResultFigures.subject(state.getSubject());
            String prefix = years.get(state.getId()) + ", " + (subject == null ? state.getSubject() : subject.label())
                    + ", " + state.getGrade() + " кл.: ";
            List<FieldChange> changes = new ArrayList<>();
            change(changes, prefix + "участников", before == null ? null : before.getParticipants(), state.getParticipants());
            change(changes, prefix + "«2»", before == null ? null : before.getMark2(), state.getMark2());
            change(changes, prefix + "«3»", before == null ? null : before.getMark3(), state.getMark3());
            change(changes, prefix + "«4»", before == null ? null : before.getMark4(), state.getMark4());
            change(changes, prefix + "«5»", before == null ? null : before.getMark5(), state.getMark5());
            change(changes, prefix + "средний балл", before == null ? null : before.getMeanScore(), state.getMeanScore());
            change(changes, prefix + "понизили", before == null ? null : before.getLowered(), state.getLowered());
            change(changes, prefix + "подтвердили", before == null ? null : before.getConfirmed(), state.getConfirmed());
            change(changes, prefix + "повысили", before == null ? null : before.getRaised(), state.getRaised());
            HistoryEntry.Kind kind = type == RevisionType.ADD ? HistoryEntry.Kind.CREATED : HistoryEntry.Kind.CHANGED;
            HistoryEntry known = byRevision.get(revision.getId());
            List<FieldChange> all = new ArrayList<>(known == null ? List.of() : known.changes());
            all.addAll(changes);
            byRevision.put(revision.getId(), new HistoryEntry(revision.getId(), revision.getTimestamp(),
                    revision.getUsername(), known == null ? kind
                    : known.kind() == HistoryEntry.Kind.CHANGED || kind == HistoryEntry.Kind.CHANGED
                    ? HistoryEntry.Kind.CHANGED : kind, all));
        }
        List<HistoryEntry> entries = new ArrayList<>(byRevision.values());
        java.util.Collections.reverse(entries);
        return auditHistory.named(entries);
    }

    private static void change(List<FieldChange> changes, String field, @Nullable Object before, @Nullable Object after) {
        String b = before == null ? null : before instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : before.toString();
        String a = after == null ? null : after instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : after.toString();
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, b, a));
        }
    }

    private static List<Row> rows(List<ResultQueries.Figures> figures) {
        return figures.stream().map(f -> new Row(f.orgId(), f.orgName(), f.municipalityId(), f.municipalityName(),
                ResultFigures.subject(f.subject()), f.subject(), f.grade(), f.marks(), f.region())).toList();
    }

    private static @Nullable String subjectCode(@Nullable String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        Subject s = Subject.parse(subject);
        if (s == null) {
            throw RuleViolationException.field("subject", "неизвестный предмет «" + shorten(subject) + "»");
        }
        return s.name();
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
