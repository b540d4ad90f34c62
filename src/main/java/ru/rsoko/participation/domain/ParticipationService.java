package ru.rsoko.participation.domain;

import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.FieldChange;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.Revision;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entering participation: a school's grades on the form, rows through the API. The school's director enters for the
 * school, the municipal officer for the municipality's schools, regional staff for the region's; a school outside
 * the scope or not taking part in the procedure is not found. All or nothing, with the versions the person read.
 */
@Service
public class ParticipationService {

    /** One grade as typed on the form. */
    public record GradeInput(int grade, String pupils, String participants, boolean observers, Long version) {
    }

    /** One row as sent to the API. */
    public record RowInput(Long schoolId, Integer grade, Integer pupils, Integer participants, Boolean observers, Long version) {
    }

    /**
     * A grade of the form: what is stored (null: no data yet), and the directory's pupils of the grade in the
     * procedure's school year (null: none entered).
     */
    public record GradeLine(int grade, ParticipationRow stored, Integer directoryPupils) {
        public java.math.BigDecimal coverage() {
            return stored == null ? null : Coverage.percent(stored.participants(), stored.pupils());
        }

        /** No data yet, but the directory knows the pupils: the form and template start from them. */
        public boolean prefilled() {
            return stored == null && directoryPupils != null;
        }
    }

    static final String NOT_SAVED = "Данные не сохранены: исправьте ошибки. Ничего не сохранено.";

    private final PlanAccess plans;
    private final DirectoryService directory;
    private final ParticipationQueries queries;
    private final ParticipationWriter writer;
    private final DirectoryPupils pupils;
    private final EntityManager em;
    private final AuditHistory auditHistory;

    ParticipationService(PlanAccess plans, DirectoryService directory, ParticipationQueries queries,
                         ParticipationWriter writer, DirectoryPupils pupils, EntityManager em, AuditHistory auditHistory) {
        this.auditHistory = auditHistory;
        this.plans = plans;
        this.directory = directory;
        this.queries = queries;
        this.writer = writer;
        this.pupils = pupils;
        this.em = em;
    }

    public static boolean canEnter(CurrentUser user) {
        return user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY) || user.is(Role.REGION);
    }

    static void requireEnterer(CurrentUser user) {
        if (!canEnter(user)) {
            throw RuleViolationException.forbidden("Данные об участии вносят руководители ОО, специалисты МОУО и сотрудники региона");
        }
    }

    /** A school of the user's scope that takes part in the procedure; anything else is not found. */
    @Transactional(readOnly = true)
    OrgUnit school(CurrentUser user, Procedure procedure, long schoolId) {
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (school.type() != OrgUnitType.SCHOOL || !participates(procedure, school)) {
            throw NotFoundException.of("ОО", schoolId);
        }
        return school;
    }

    static boolean participates(Procedure procedure, OrgUnit school) {
        if (!Objects.equals(school.regionId(), procedure.regionId())) {
            return false;
        }
        Participants who = procedure.participants();
        return switch (who) {
            case ALL_SCHOOLS -> school.active();
            case MUNICIPALITIES -> school.active() && procedure.participantIds().contains(school.municipalityId());
            case SCHOOLS -> procedure.participantIds().contains(school.id());
        };
    }

    /** The procedure's grades for the school, each with what is stored. */
    @Transactional(readOnly = true)
    List<GradeLine> grades(CurrentUser user, Procedure procedure, OrgUnit school) {
        Map<Integer, ParticipationRow> stored = new HashMap<>();
        queries.rows(user.scope(), procedure.id(), school.id()).forEach(r -> stored.put(r.grade(), r));
        Map<Long, Integer> fromDirectory = pupils.figures(procedure, List.of(school.id()));
        List<GradeLine> lines = new ArrayList<>();
        for (int grade : procedure.gradeList()) {
            lines.add(new GradeLine(grade, stored.get(grade),
                    fromDirectory.get(ParticipationWriter.Write.key(school.id(), grade))));
        }
        return lines;
    }

    /**
     * Saves the school's grades from the form, all or nothing. A grade left empty that has no data yet stays without
     * data; one that has data cannot be emptied.
     */
    @Transactional
    public Saved saveSchool(CurrentUser user, long procedureId, long schoolId, List<GradeInput> input) {
        Procedure procedure = plans.procedure(user, procedureId);
        OrgUnit school = school(user, procedure, schoolId);
        requireEnterer(user);
        List<Integer> grades = procedure.gradeList();
        List<ImportError> errors = new ArrayList<>();
        List<ParticipationWriter.Write> writes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Map<Long, Integer> fromDirectory = pupils.figures(procedure, List.of(school.id()));
        for (GradeInput g : input) {
            String column = g.grade() + " класс";
            if (!grades.contains(g.grade()) || !seen.add(g.grade())) {
                errors.add(new ImportError(null, column, "класс " + g.grade() + " не входит в процедуру (классы "
                        + procedure.gradesText() + ")"));
                continue;
            }
            boolean blank = isBlank(g.pupils()) && isBlank(g.participants());
            // the directory's pupils shown in a grade without data, with no participants typed: nothing to save
            boolean prefilledOnly = isBlank(g.participants()) && sameFigure(g.pupils(),
                    fromDirectory.get(ParticipationWriter.Write.key(school.id(), g.grade())));
            if ((blank || prefilledOnly) && g.version() == null) {
                continue;
            }
            if (blank) {
                errors.add(new ImportError(null, column, "данные уже внесены: укажите число обучающихся и число участников "
                        + "(удалить введённые данные нельзя)"));
                continue;
            }
            List<ImportError> rowErrors = new ArrayList<>();
            Integer pupils = Figures.parse(g.pupils(), null, Figures.PUPILS, rowErrors);
            Integer participants = Figures.parse(g.participants(), null, Figures.PARTICIPANTS, rowErrors);
            if (pupils != null && participants != null) {
                Figures.consistent(pupils, participants, null, rowErrors);
            }
            rowErrors.forEach(e -> errors.add(new ImportError(null, column + ": " + e.column(), e.message())));
            if (rowErrors.isEmpty()) {
                writes.add(new ParticipationWriter.Write(school.id(), school.regionId(), school.municipalityId(),
                        g.grade(), pupils, participants, g.observers(), g.version()));
            }
        }
        if (errors.isEmpty() && writes.isEmpty()) {
            errors.add(ImportError.ofFile("Не заполнен ни один класс: укажите число обучающихся и число участников."));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED, errors);
        }
        return write(user, procedure, writes);
    }

    /** Writes the rows with their versions and gives the pupils typed to the directory, in one transaction. */
    private Saved write(CurrentUser user, Procedure procedure, List<ParticipationWriter.Write> writes) {
        Map<Long, Integer> before = new HashMap<>();
        Saved saved = writer.write(user.getUsername(), procedure.id(), writes, true, before);
        pupils.giveBack(user.scope(), user.getUsername(), procedure, writes, before);
        return saved;
    }

    /** Whether the text is the figure, as the form shows it. */
    static boolean sameFigure(String text, Integer figure) {
        return figure != null && text != null && text.strip().equals(String.valueOf(figure));
    }

    /** Rows from the API, all or nothing; versions as read (null for a new row). */
    @Transactional
    public Saved saveRows(CurrentUser user, long procedureId, List<RowInput> rows) {
        Procedure procedure = plans.procedure(user, procedureId);
        requireEnterer(user);
        Map<Long, ParticipationQueries.SchoolRef> schools = queries.participating(user.scope(), procedure);
        List<Integer> grades = procedure.gradeList();
        List<ImportError> errors = new ArrayList<>();
        List<ParticipationWriter.Write> writes = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        if (rows == null || rows.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED, List.of(ImportError.ofFile("Нет ни одной строки (rows)")));
        }
        for (int i = 0; i < rows.size(); i++) {
            RowInput r = rows.get(i);
            int n = i + 1;
            if (r == null) {
                errors.add(new ImportError(n, null, "пустая строка"));
                continue;
            }
            ParticipationQueries.SchoolRef school = r.schoolId() == null ? null : schools.get(r.schoolId());
            if (school == null) {
                errors.add(new ImportError(n, "schoolId", r.schoolId() == null ? "не указан ID ОО"
                        : "ОО с ID " + r.schoolId() + " не найдена среди ваших ОО — участниц процедуры"));
                continue;
            }
            if (r.grade() == null || !grades.contains(r.grade())) {
                errors.add(new ImportError(n, "grade", r.grade() == null ? "не указан класс"
                        : "класс " + r.grade() + " не входит в процедуру (классы " + procedure.gradesText() + ")"));
                continue;
            }
            Integer first = seen.putIfAbsent(ParticipationWriter.Write.key(school.id(), r.grade()), n);
            if (first != null) {
                errors.add(new ImportError(n, "grade", "эта ОО и этот класс уже есть в строке " + first + " — оставьте одну строку"));
                continue;
            }
            List<ImportError> rowErrors = new ArrayList<>();
            Integer pupils = Figures.check(r.pupils(), n, "pupils", rowErrors);
            Integer participants = Figures.check(r.participants(), n, "participants", rowErrors);
            if (pupils != null && participants != null && participants > pupils) {
                rowErrors.add(new ImportError(n, "participants", "участников (" + participants + ") больше, чем обучающихся ("
                        + pupils + "): число участников не может превышать число обучающихся"));
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                writes.add(new ParticipationWriter.Write(school.id(), school.regionId(), school.municipalityId(), r.grade(),
                        pupils, participants, Boolean.TRUE.equals(r.observers()), r.version()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException("Данные не сохранены: найдено ошибок — " + errors.size() + ". Ничего не сохранено.",
                    errors);
        }
        return write(user, procedure, writes);
    }

    /** A procedure the user sees with its stored rows in the user's scope, for the API. */
    @Transactional(readOnly = true)
    public ProcedureRows rows(CurrentUser user, long procedureId) {
        Procedure procedure = plans.procedure(user, procedureId);
        return new ProcedureRows(procedure, queries.rows(user.scope(), procedure.id(), null));
    }

    /** A procedure and its stored participation rows. */
    public record ProcedureRows(Procedure procedure, List<ParticipationRow> rows) {
    }

    /** Who changed which grade of the school when, newest first: one entry per revision. */
    @Transactional(readOnly = true)
    List<HistoryEntry> history(CurrentUser user, Procedure procedure, OrgUnit school) {
        List<Long> ids = queries.rows(user.scope(), procedure.id(), school.id()).stream()
                .map(ParticipationRow::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(Participation.class, false, true)
                .add(AuditEntity.id().in(ids))
                .addOrder(AuditEntity.revisionNumber().asc())
                // a revision's audit rows come back in no particular order: its changes are listed by grade
                .addOrder(AuditEntity.property("grade").asc())
                .getResultList();
        Map<Long, Participation> previous = new HashMap<>();
        Map<Long, HistoryEntry> byRevision = new LinkedHashMap<>();
        Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
        for (Object[] row : revisions) {
            Participation state = (Participation) row[0];
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            Participation before = previous.put(state.getId(), state);
            List<FieldChange> list = changes.computeIfAbsent(revision.getId(), k -> new ArrayList<>());
            String grade = state.getGrade() + " класс: ";
            if (before == null || before.getPupils() != state.getPupils()) {
                list.add(new FieldChange(grade + "обучающихся", before == null ? null : String.valueOf(before.getPupils()),
                        String.valueOf(state.getPupils())));
            }
            if (before == null || before.getParticipants() != state.getParticipants()) {
                list.add(new FieldChange(grade + "участников", before == null ? null : String.valueOf(before.getParticipants()),
                        String.valueOf(state.getParticipants())));
            }
            if (before == null || before.isObservers() != state.isObservers()) {
                list.add(new FieldChange(grade + "наблюдатели", before == null ? null : yesNo(before.isObservers()),
                        yesNo(state.isObservers())));
            }
            HistoryEntry.Kind kind = type == RevisionType.ADD ? HistoryEntry.Kind.CREATED : HistoryEntry.Kind.CHANGED;
            HistoryEntry known = byRevision.get(revision.getId());
            if (known == null || known.kind() == HistoryEntry.Kind.CREATED && kind == HistoryEntry.Kind.CHANGED) {
                byRevision.put(revision.getId(), new HistoryEntry(revision.getId(), revision.getTimestamp(),
                        revision.getUsername(), known == null ? kind : HistoryEntry.Kind.CHANGED, list));
            }
        }
        List<HistoryEntry> entries = new ArrayList<>(byRevision.values());
        Collections.reverse(entries);
        return auditHistory.named(entries);
    }

    private static String yesNo(boolean value) {
        return value ? "да" : "нет";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
