package ru.rsoko.directory.domain;

import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.GradePupils;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.FieldChange;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.Revision;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pupils per grade of each school and school year: entered once — on the school's card (by its director, its
 * municipality's officers or regional staff), by the directory's workbook, or as participation in a procedure is
 * entered — and read by whoever asks the directory. A school outside the caller's scope is not found. Writes are all
 * or nothing, with the versions the person read; every change is in the history.
 */
@Service
public class PupilsService {

    public static final List<Integer> GRADES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    /** One grade of the card: what is stored (null: not entered yet). */
    public record GradeLine(int grade, GradePupils stored) {
        public Integer pupils() {
            return stored == null ? null : stored.pupils();
        }
    }

    /** A school's pupils in a school year: the grades 1–11, the total and who may change them. */
    public record SchoolPupils(OrgUnit school, SchoolYear year, List<GradeLine> grades, boolean editable) {
        public long total() {
            return grades.stream().filter(g -> g.stored() != null).mapToLong(g -> g.stored().pupils()).sum();
        }

        public boolean empty() {
            return grades.stream().allMatch(g -> g.stored() == null);
        }
    }

    /** One grade as typed on the card. */
    public record GradeInput(int grade, String pupils, Long version) {
    }

    /** One grade as sent to the API; version as read (null for a grade without a figure). */
    public record ApiGrade(Integer grade, Integer pupils, Long version) {
    }

    /** A school's figures for a whole table of schools: a municipality's or region's export. */
    public record SchoolRow(long schoolId, String school, String municipality, Map<Integer, Integer> pupils) {
        public Integer grade(int grade) {
            return pupils.get(grade);
        }

        public long total() {
            return pupils.values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    /** What a save did: grades created and changed. */
    public record Saved(int created, int changed) {
        public int total() {
            return created + changed;
        }
    }

    private record Place(long id, long regionId, Long municipalityId) {
    }

    static final String NOT_SAVED = "Данные о контингенте не сохранены: исправьте ошибки. Ничего не сохранено.";

    private final OrgUnitRepository units;
    private final GradePupilsWriter writer;
    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final Clock clock;

    private final AuditHistory auditHistory;

    PupilsService(OrgUnitRepository units, GradePupilsWriter writer, JdbcTemplate jdbc, EntityManager em, Clock clock,
                  AuditHistory auditHistory) {
        this.auditHistory = auditHistory;
        this.units = units;
        this.writer = writer;
        this.jdbc = jdbc;
        this.em = em;
        this.clock = clock;
    }

    /** Directors, municipal officers and regional staff enter pupils; administrators load them by the workbook. */
    public static boolean canEdit(CurrentUser user) {
        return user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY) || user.is(Role.REGION);
    }

    /** Today's school year in the user's region. */
    public SchoolYear currentYear(CurrentUser user) {
        return SchoolYear.current(clock, user.zone());
    }

    /** Today's school year in a region's zone (Moscow's without one). */
    public SchoolYear currentYear(java.time.ZoneId zone) {
        return SchoolYear.current(clock, zone);
    }

    // ---- reading

    /** Figures of the schools in the year, whatever the scope: for schools another module already keeps. */
    @Transactional(readOnly = true)
    public List<GradePupils> of(Collection<Long> schoolIds, SchoolYear year) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select school_id, grade, pupils, version, updated_at, updated_by from directory_grade_pupils
                        where school_year = ? and school_id = any(?) order by school_id, grade""",
                (rs, i) -> new GradePupils(rs.getLong(1), year, rs.getInt(2), rs.getInt(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)),
                year.toString(), schoolIds.stream().distinct().toArray(Long[]::new));
    }

    /** A school of the scope with its grades 1–11 in the year; anything but a school of the scope is not found. */
    @Transactional(readOnly = true)
    public SchoolPupils school(CurrentUser user, long schoolId, SchoolYear year) {
        OrgUnit school = schoolEntity(user.scope(), schoolId).toRecord();
        Map<Integer, GradePupils> stored = new HashMap<>();
        of(List.of(schoolId), year).forEach(g -> stored.put(g.grade(), g));
        List<GradeLine> lines = GRADES.stream().map(g -> new GradeLine(g, stored.get(g))).toList();
        return new SchoolPupils(school, year, lines, canEdit(user));
    }

    /**
     * Every school of an organisation of the scope (a school itself, a municipality's or a region's schools) with its
     * figures in the year, by municipality and name: one query by the region or municipality index.
     */
    @Transactional(readOnly = true)
    public void schools(Scope scope, long unitId, SchoolYear year, Consumer<SchoolRow> sink) {
        OrgUnitEntity unit = units.findById(unitId).filter(u -> u.within(scope))
                .orElseThrow(() -> NotFoundException.of("Организация", unitId));
        String column = switch (unit.getType()) {
            case REGION -> "region_id";
            case MUNICIPALITY -> "municipality_id";
            case SCHOOL -> "id";
            case INSTITUTION -> throw NotFoundException.of("Школа", unitId);
        };
        List<Object> args = new ArrayList<>(List.of(year.toString(), unitId));
        String where = scope.toSql("s.region_id", "s.municipality_id", "s.id", args);
        SchoolRow[] current = {null};
        jdbc.query("""
                        select s.id, s.name, m.name, p.grade, p.pupils
                        from org_unit s
                        left join org_unit m on m.id = s.municipality_id
                        left join directory_grade_pupils p on p.school_id = s.id and p.school_year = ?
                        where s.type = 'SCHOOL' and s.active and s.""" + column + " = ? and " + where
                        + " order by m.name nulls first, s.name, s.id, p.grade",
                rs -> {
                    long id = rs.getLong(1);
                    if (current[0] == null || current[0].schoolId() != id) {
                        if (current[0] != null) {
                            sink.accept(current[0]);
                        }
                        current[0] = new SchoolRow(id, rs.getString(2), rs.getString(3), new LinkedHashMap<>());
                    }
                    int grade = rs.getInt(4);
                    if (!rs.wasNull()) {
                        current[0].pupils().put(grade, rs.getInt(5));
                    }
                }, args.toArray());
        if (current[0] != null) {
            sink.accept(current[0]);
        }
    }

    /** Who changed which grade's figure of the school in the year and when, newest first: one entry per revision. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long schoolId, SchoolYear year) {
        schoolEntity(scope, schoolId);
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(GradePupilsEntity.class, false, true)
                .add(AuditEntity.property("schoolId").eq(schoolId))
                .add(AuditEntity.property("schoolYear").eq(year.toString()))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, Integer> previous = new HashMap<>();
        Map<Long, HistoryEntry> byRevision = new LinkedHashMap<>();
        for (Object[] row : revisions) {
            GradePupilsEntity state = (GradePupilsEntity) row[0];
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            Integer before = previous.put(state.getId(), state.getPupils());
            HistoryEntry known = byRevision.get(revision.getId());
            List<FieldChange> changes = known == null ? new ArrayList<>() : new ArrayList<>(known.changes());
            changes.add(new FieldChange(state.getGrade() + " класс", before == null ? null : String.valueOf(before),
                    String.valueOf(state.getPupils())));
            HistoryEntry.Kind kind = type == RevisionType.ADD && (known == null || known.kind() == HistoryEntry.Kind.CREATED)
                    ? HistoryEntry.Kind.CREATED : HistoryEntry.Kind.CHANGED;
            byRevision.put(revision.getId(), new HistoryEntry(revision.getId(), revision.getTimestamp(),
                    revision.getUsername(), kind, changes));
        }
        List<HistoryEntry> entries = new ArrayList<>(byRevision.values());
        Collections.reverse(entries);
        return auditHistory.named(entries);
    }

    // ---- writing

    /**
     * The card's grades, all or nothing. A grade left empty that has no figure stays without one; a figure once entered
     * is corrected, not emptied.
     */
    @Transactional
    public Saved save(CurrentUser user, long schoolId, SchoolYear year, List<GradeInput> input) {
        OrgUnitEntity school = schoolEntity(user.scope(), schoolId);
        requireEditor(user);
        List<ImportError> errors = new ArrayList<>();
        List<GradePupilsWriter.Write> writes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (GradeInput g : input) {
            String column = g.grade() + " класс";
            if (!GRADES.contains(g.grade()) || !seen.add(g.grade())) {
                errors.add(new ImportError(null, column, "классы — с 1 по 11, каждый один раз"));
                continue;
            }
            String text = g.pupils() == null ? "" : g.pupils().strip().replace(" ", "").replace("\u00a0", "");
            if (text.isEmpty()) {
                if (g.version() != null) {
                    errors.add(new ImportError(null, column, "число уже внесено: укажите его (0, если класса нет); "
                            + "удалить внесённое число нельзя"));
                }
                continue;
            }
            Integer pupils = parse(g.pupils(), column, null, errors);
            if (pupils != null) {
                writes.add(write(school, g.grade(), pupils, g.version()));
            }
        }
        if (errors.isEmpty() && writes.isEmpty()) {
            errors.add(ImportError.ofFile("Не заполнен ни один класс: укажите число обучающихся хотя бы одного класса."));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED, errors);
        }
        GradePupilsWriter.Written written = writer.write(user.getUsername(), year, writes, true);
        return new Saved(written.created(), written.changed());
    }

    /** Grades from the API, all or nothing, with the versions read (null for a grade without a figure). */
    @Transactional
    public Saved saveApi(CurrentUser user, long schoolId, SchoolYear year, List<ApiGrade> grades) {
        OrgUnitEntity school = schoolEntity(user.scope(), schoolId);
        requireEditor(user);
        if (grades == null || grades.isEmpty()) {
            throw new ImportRejectedException(NOT_SAVED, List.of(ImportError.ofFile("Нет ни одного класса (grades)")));
        }
        List<ImportError> errors = new ArrayList<>();
        List<GradePupilsWriter.Write> writes = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < grades.size(); i++) {
            ApiGrade g = grades.get(i);
            int n = i + 1;
            if (g == null || g.grade() == null || !GRADES.contains(g.grade())) {
                errors.add(new ImportError(n, "grade", g == null || g.grade() == null ? "не указан класс"
                        : "класс " + g.grade() + ": классы — с 1 по 11"));
                continue;
            }
            Integer first = seen.putIfAbsent(g.grade(), n);
            if (first != null) {
                errors.add(new ImportError(n, "grade", g.grade() + " класс уже есть в строке " + first + " — оставьте одну"));
                continue;
            }
            Integer pupils = check(g.pupils(), n, "pupils", errors);
            if (pupils != null) {
                writes.add(write(school, g.grade(), pupils, g.version()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException("Данные не сохранены: найдено ошибок — " + errors.size() + ". Ничего не сохранено.",
                    errors);
        }
        GradePupilsWriter.Written written = writer.write(user.getUsername(), year, writes, true);
        return new Saved(written.created(), written.changed());
    }

    /**
     * Figures entered elsewhere — participation in a procedure — become the school's figures of the year, so that they
     * are not asked again: only those that differ are written, in one batch, with their history. Every school must be
     * one of the scope; the last figure given for a school and grade counts.
     */
    @Transactional
    public int record(Scope scope, String username, SchoolYear year, List<GradePupils.Figure> figures) {
        if (figures.isEmpty()) {
            return 0;
        }
        Map<Long, Place> places = places(scope, figures.stream().map(GradePupils.Figure::schoolId).distinct().toList());
        Map<Long, GradePupilsWriter.Write> writes = new LinkedHashMap<>();
        for (GradePupils.Figure f : figures) {
            Place place = places.get(f.schoolId());
            if (place == null) {
                throw NotFoundException.of("Школа", f.schoolId());
            }
            if (!GRADES.contains(f.grade()) || f.pupils() < 0 || f.pupils() > GradePupils.MAX) {
                throw new RuleViolationException("Число обучающихся " + f.grade() + " класса: от 0 до " + GradePupils.MAX);
            }
            GradePupilsWriter.Write w = new GradePupilsWriter.Write(place.id(), place.regionId(), place.municipalityId(),
                    f.grade(), f.pupils(), null);
            writes.put(w.key(), w);
        }
        return writer.write(username, year, new ArrayList<>(writes.values()), false).total();
    }

    /** Figures of the directory's workbook, checked by the import; written without versions, like an import. */
    int importFigures(String username, SchoolYear year, List<GradePupilsWriter.Write> writes) {
        return writer.write(username, year, writes, false).total();
    }

    /** A school's place moved: its figures are read by the new region and municipality too. */
    void moved(OrgUnitEntity school) {
        jdbc.update("update directory_grade_pupils set region_id = ?, municipality_id = ? where school_id = ?",
                school.getRegionId(), school.getMunicipalityId(), school.getId());
    }

    static GradePupilsWriter.Write write(OrgUnitEntity school, int grade, int pupils, Long version) {
        return new GradePupilsWriter.Write(school.getId(), school.getRegionId(), school.getMunicipalityId(), grade, pupils,
                version);
    }

    /** A count as typed: a whole number from 0 to {@link GradePupils#MAX}; anything else an error (and null). */
    static Integer parse(String text, String column, Integer row, List<ImportError> errors) {
        String cleaned = text.strip().replace(" ", "").replace("\u00a0", "");
        if (cleaned.matches("\\d{1,7}([.,]0+)?")) {
            int value = Integer.parseInt(cleaned.replaceAll("[.,]0+$", ""));
            if (value > GradePupils.MAX) {
                errors.add(new ImportError(row, column, "число обучающихся слишком большое (больше " + GradePupils.MAX
                        + " в одном классе одной школы): проверьте число"));
                return null;
            }
            return value;
        }
        if (cleaned.matches("-\\d+([.,]\\d+)?")) {
            errors.add(new ImportError(row, column, "число обучающихся не может быть отрицательным: «" + shorten(text) + "»"));
            return null;
        }
        errors.add(new ImportError(row, column, "число обучающихся должно быть целым числом, а не «" + shorten(text) + "»"));
        return null;
    }

    private static Integer check(Integer value, int row, String column, List<ImportError> errors) {
        if (value == null) {
            errors.add(new ImportError(row, column, "не указано число обучающихся"));
            return null;
        }
        if (value < 0 || value > GradePupils.MAX) {
            errors.add(new ImportError(row, column, "число обучающихся — от 0 до " + GradePupils.MAX + ", а не " + value));
            return null;
        }
        return value;
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 60 ? t.substring(0, 57) + "…" : t;
    }

    private static void requireEditor(CurrentUser user) {
        if (!canEdit(user)) {
            throw RuleViolationException.forbidden("Число обучающихся вносят руководитель школы, специалисты МОУО и сотрудники региона");
        }
    }

    OrgUnitEntity schoolEntity(Scope scope, long schoolId) {
        return units.findById(schoolId).filter(u -> u.within(scope) && u.getType() == OrgUnitType.SCHOOL)
                .orElseThrow(() -> NotFoundException.of("Школа", schoolId));
    }

    private Map<Long, Place> places(Scope scope, List<Long> ids) {
        List<Object> args = new ArrayList<>();
        args.add(ids.toArray(Long[]::new));
        String where = scope.toSql("region_id", "municipality_id", "id", args);
        Map<Long, Place> places = new HashMap<>();
        jdbc.query("select id, region_id, municipality_id from org_unit where type = 'SCHOOL' and id = any(?) and " + where,
                rs -> {
                    long municipality = rs.getLong(3);
                    places.put(rs.getLong(1), new Place(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : municipality));
                }, args.toArray());
        return places;
    }
}
