package ru.rsoko.objectivity.domain;

import ru.rsoko.platform.web.Plurals;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolsListed;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.FieldChange;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.Revision;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import ru.rsoko.platform.web.TextLimits;

/**
 * The region's lists of schools of a year. Regional staff keep them; municipal officers see their schools'
 * entries, directors their own school's; an administrator reads everything in scope. Another region's entry is 404.
 */
@Service
@Transactional
public class SchoolListService implements ru.rsoko.objectivity.SchoolLists {

    public static final int MAX_BASIS = 2000;

    /** One entry as lists show it. */
    public record Row(long id, long regionId, int year, ListKind kind, long schoolId, String schoolName,
                      Long municipalityId, String municipalityName, String basis, Instant createdAt, String createdBy,
                      long version) {
    }

    public record Filter(Integer year, ListKind kind, Long municipalityId) {
    }

    /** An entry as a person edits it. */
    public record Form(Long schoolId, Integer year, ListKind kind, String basis, Long version) {
    }

    /** How many schools of the scope are on a list of a year. */
    public record ListCount(int year, ListKind kind, long schools) {
    }

    private final SchoolListRepository entries;
    private final DirectoryService directory;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final AuditHistory auditHistory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SchoolListService(SchoolListRepository entries, DirectoryService directory, JdbcTemplate jdbc,
                      EntityManager entityManager, AuditHistory auditHistory, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
        this.entries = entries;
        this.auditHistory = auditHistory;
        this.directory = directory;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Page<Row> find(CurrentUser user, Filter filter, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(user.scope(), filter, args);
        Long total = jdbc.queryForObject("select count(*) from school_list_entry e where " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Row> rows = jdbc.query(SELECT + " where " + where + ORDER + " limit ? offset ?", SchoolListService::row,
                pageArgs.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Every entry the filter shows, in the order of the page, for the workbook. */
    @Transactional(readOnly = true)
    public void forEach(CurrentUser user, Filter filter, Consumer<Row> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(user.scope(), filter, args);
        jdbc.query(SELECT + " where " + where + ORDER, rs -> {
            sink.accept(row(rs, 0));
        }, args.toArray());
    }

    @Transactional(readOnly = true)
    public List<Row> all(CurrentUser user, Filter filter) {
        List<Row> rows = new ArrayList<>();
        forEach(user, filter, rows::add);
        return rows;
    }

    @Transactional(readOnly = true)
    public Row row(CurrentUser user, long id) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        String sql = SELECT + " where e.id = ? and " + scopeSql(user.scope(), args);
        return jdbc.query(sql, SchoolListService::row, args.toArray()).stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("Запись списка", id));
    }

    /** The years that have entries in the scope, newest first, with the current year always offered. */
    @Transactional(readOnly = true)
    public List<Integer> years(CurrentUser user) {
        List<Object> args = new ArrayList<>();
        List<Integer> years = new ArrayList<>(jdbc.queryForList("select distinct e.year from school_list_entry e where "
                + scopeSql(user.scope(), args) + " order by 1 desc", Integer.class, args.toArray()));
        int now = currentYear(user);
        if (!years.contains(now)) {
            years.add(now);
            years.sort(Collections.reverseOrder());
        }
        return years;
    }

    /** The year a list page opens on: the latest with entries in the scope, else the current year. */
    @Transactional(readOnly = true)
    public int defaultYear(CurrentUser user) {
        List<Object> args = new ArrayList<>();
        Integer latest = jdbc.queryForObject("select max(e.year) from school_list_entry e where "
                + scopeSql(user.scope(), args), Integer.class, args.toArray());
        return latest != null ? latest : currentYear(user);
    }

    public int currentYear(CurrentUser user) {
        ZoneId zone = user.zone() != null ? user.zone() : ZoneId.of("Europe/Moscow");
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Place> places(CurrentUser user, long schoolId) {
        return ofSchool(user, schoolId).stream().map(r -> new Place(r.year(), r.kind(), r.basis())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LatestCount> latestCounts(CurrentUser user) {
        List<ListCount> all = counts(user);
        if (all.isEmpty()) {
            return List.of();
        }
        int latest = all.getFirst().year();
        return all.stream().filter(c -> c.year() == latest)
                .map(c -> new LatestCount(c.year(), c.kind(), c.schools())).toList();
    }

    /** A school's entries, newest year first, when the user may see the school; nothing otherwise. */
    @Transactional(readOnly = true)
    public List<Row> ofSchool(CurrentUser user, long schoolId) {
        List<Object> args = new ArrayList<>();
        args.add(schoolId);
        return jdbc.query(SELECT + " where e.school_id = ? and " + scopeSql(user.scope(), args)
                + " order by e.year desc, e.kind", SchoolListService::row, args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Listing> of(Scope scope, int fromYear, int toYear) {
        List<Object> args = new ArrayList<>(List.of(fromYear, toYear));
        return jdbc.query("select e.school_id, e.municipality_id, e.year, e.kind from school_list_entry e"
                        + " where e.year between ? and ? and " + scopeSql(scope, args) + " order by e.year desc, e.kind",
                (rs, i) -> new Listing(rs.getLong(1), rs.getObject(2, Long.class), rs.getInt(3),
                        ListKind.valueOf(rs.getString(4))), args.toArray());
    }

    /** For each year and list, how many schools of the scope are on it, newest year first. */
    @Transactional(readOnly = true)
    public List<ListCount> counts(CurrentUser user) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("select e.year, e.kind, count(*) from school_list_entry e where " + scopeSql(user.scope(), args)
                        + " group by e.year, e.kind order by e.year desc, e.kind",
                (rs, i) -> new ListCount(rs.getInt(1), ListKind.valueOf(rs.getString(2)), rs.getLong(3)), args.toArray());
    }

    /** The municipalities a regional user may filter by: those of the region. */
    @Transactional(readOnly = true)
    public List<MunicipalitySummary> municipalities(CurrentUser user) {
        if (user.regionId() == null || user.scope().level() == Scope.Level.ORG_UNIT
                || user.scope().level() == Scope.Level.MUNICIPALITY) {
            return List.of();
        }
        return directory.municipalitiesOf(user.scope(), user.regionId());
    }

    // ---------------------------------------------------------------------------------------------- changing

    public Row add(CurrentUser user, Form form) {
        requireKeeper(user);
        OrgUnit school = school(user, form.schoolId());
        int year = year(form.year());
        ListKind kind = kind(form.kind());
        if (entries.existsByYearAndKindAndSchoolId(year, kind, school.id())) {
            throw RuleViolationException.field("schoolId", "Школа уже есть в списке «" + kind.label() + "» " + year + " года");
        }
        SchoolListEntry entry = new SchoolListEntry(school.regionId(), school.municipalityId(), school.id(), year,
                kind, basis(form.basis()), clock.instant(), user.getUsername());
        long id = entries.saveAndFlush(entry).getId();
        events.publishEvent(new SchoolsListed(school.regionId(), year, kind, Set.of(school.id())));
        return row(user, id);
    }

    public Row update(CurrentUser user, long id, Form form) {
        SchoolListEntry entry = kept(user, id);
        ConcurrentEditException.check(form.version(), entry.getVersion());
        int year = year(form.year());
        ListKind kind = kind(form.kind());
        if ((year != entry.getYear() || kind != entry.getKind())
                && entries.existsByYearAndKindAndSchoolId(year, kind, entry.getSchoolId())) {
            throw RuleViolationException.field("kind", "Школа уже есть в списке «" + kind.label() + "» " + year + " года");
        }
        boolean moved = year != entry.getYear() || kind != entry.getKind();
        entry.setYear(year);
        entry.setKind(kind);
        entry.setBasis(basis(form.basis()));
        entries.flush();
        if (moved) {
            // the entry moved to another year's or kind's list: the school is newly on that one
            events.publishEvent(new SchoolsListed(entry.getRegionId(), year, kind, Set.of(entry.getSchoolId())));
        }
        return row(user, id);
    }

    public void delete(CurrentUser user, long id, Long version) {
        SchoolListEntry entry = kept(user, id);
        ConcurrentEditException.check(version, entry.getVersion());
        entries.delete(entry);
        entries.flush();
    }

    @Override
    public void include(CurrentUser user, long schoolId, int year, ListKind kind, String basis) {
        requireKeeper(user);
        OrgUnit school = school(user, schoolId);
        SchoolListEntry entry = entries.findByYearAndKindAndSchoolId(year(year), kind(kind), school.id()).orElse(null);
        if (entry == null) {
            add(user, new Form(school.id(), year, kind, basis, null));
            return;
        }
        entry.setBasis(basis(basis));
        entries.flush();
    }

    @Override
    public void exclude(CurrentUser user, long schoolId, int year, ListKind kind) {
        requireKeeper(user);
        OrgUnit school = school(user, schoolId);
        entries.findByYearAndKindAndSchoolId(year(year), kind(kind), school.id()).ifPresent(entry -> {
            entries.delete(entry);
            entries.flush();
        });
    }

    /** What an upload did to the list. */
    public record Replaced(int added, int removed, int changed, int unchanged) {
        public int total() {
            return added + changed + unchanged;
        }
    }

    /** One school of an uploaded list, already checked. */
    record Incoming(long schoolId, Long municipalityId, String basis) {
    }

    /**
     * Makes the region's list of the year exactly {@code incoming}: schools no longer on it leave, new ones come,
     * a changed basis is updated. Each change is one audited entry change, so the history shows who did what.
     */
    Replaced replace(CurrentUser user, long regionId, int year, ListKind kind, Collection<Incoming> incoming) {
        requireKeeper(user);
        Map<Long, SchoolListEntry> existing = new HashMap<>();
        for (SchoolListEntry e : entries.findByRegionIdAndYearAndKind(regionId, year, kind)) {
            existing.put(e.getSchoolId(), e);
        }
        Set<Long> added = new TreeSet<>();
        int changed = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        for (Incoming in : incoming) {
            SchoolListEntry entry = existing.remove(in.schoolId());
            if (entry == null) {
                entries.save(new SchoolListEntry(regionId, in.municipalityId(), in.schoolId(), year, kind,
                        in.basis(), now, user.getUsername()));
                added.add(in.schoolId());
            } else if (!Objects.equals(entry.getBasis(), in.basis())) {
                entry.setBasis(in.basis());
                changed++;
            } else {
                unchanged++;
            }
        }
        entries.deleteAll(existing.values());
        entries.flush();
        if (!added.isEmpty()) {
            events.publishEvent(new SchoolsListed(regionId, year, kind, Set.copyOf(added)));
        }
        return new Replaced(added.size(), existing.size(), changed, unchanged);
    }

    // ---------------------------------------------------------------------------------------------- history

    /** The changes of a list of a year in the user's region: who added, changed or removed which school, and when. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, int year, ListKind kind) {
        Long regionId = user.regionId();
        if (regionId == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(SchoolListEntry.class, false, true)
                .add(AuditEntity.property("regionId").eq(regionId))
                .add(AuditEntity.property("year").eq(year))
                .add(AuditEntity.property("kind").eq(kind))
                .addOrder(AuditEntity.revisionNumber().desc())
                .setMaxResults(500)
                .getResultList();
        // an entry moved to another year or list leaves no row under this one: its history is on the entry
        Map<Long, String> names = new HashMap<>();
        List<Long> schoolIds = rows.stream().map(r -> ((SchoolListEntry) r[0]).getSchoolId()).filter(Objects::nonNull)
                .distinct().toList();
        if (!schoolIds.isEmpty()) {
            jdbc.query("select id, name from directory_org_unit where id = any(?)", rs -> {
                names.put(rs.getLong(1), rs.getString(2));
            }, (Object) schoolIds.toArray(Long[]::new));
        }
        Map<Long, String> lastBasis = new LinkedHashMap<>();
        List<Object[]> ascending = new ArrayList<>(rows);
        Collections.reverse(ascending);
        List<HistoryEntry> history = new ArrayList<>();
        for (Object[] row : ascending) {
            SchoolListEntry state = (SchoolListEntry) row[0];
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            String school = state.getSchoolId() == null ? "—" : names.getOrDefault(state.getSchoolId(), "ОО " + state.getSchoolId());
            List<FieldChange> changes = new ArrayList<>();
            HistoryEntry.Kind what;
            switch (type) {
                case ADD -> {
                    what = HistoryEntry.Kind.CREATED;
                    changes.add(new FieldChange("Школа", null, school));
                    if (state.getBasis() != null) {
                        changes.add(new FieldChange("Основание", null, state.getBasis()));
                    }
                }
                case DEL -> {
                    what = HistoryEntry.Kind.DELETED;
                    changes.add(new FieldChange("Школа", school, null));
                }
                default -> {
                    what = HistoryEntry.Kind.CHANGED;
                    changes.add(new FieldChange("Школа", school, school));
                    changes.add(new FieldChange("Основание", lastBasis.get(state.getId()), state.getBasis()));
                }
            }
            lastBasis.put(state.getId(), state.getBasis());
            history.add(new HistoryEntry(revision.getId(), revision.getTimestamp(), revision.getUsername(), what, changes));
        }
        Collections.reverse(history);
        return auditHistory.named(history);
    }

    /** One entry's own history, including a move to another year or list. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id) {
        row(user, id);
        return auditHistory.of(SchoolListEntry.class, id, HISTORY);
    }

    private static final ru.rsoko.platform.audit.HistoryFields<SchoolListEntry> HISTORY =
            ru.rsoko.platform.audit.HistoryFields.of(SchoolListEntry.class)
                    .field("Год", SchoolListEntry::getYear)
                    .field("Список", e -> e.getKind() == null ? null : e.getKind().label())
                    .field("Основание", SchoolListEntry::getBasis);

    // ---------------------------------------------------------------------------------------------- rules

    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Списки школ ведут сотрудники региона");
        }
    }

    private SchoolListEntry kept(CurrentUser user, long id) {
        row(user, id);
        requireKeeper(user);
        return entries.findById(id).orElseThrow(() -> NotFoundException.of("Запись списка", id));
    }

    private OrgUnit school(CurrentUser user, Long schoolId) {
        if (schoolId == null) {
            throw RuleViolationException.field("schoolId", "Выберите школу");
        }
        // outside the user's region: not found, like any object out of scope
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (school.type() != OrgUnitType.SCHOOL) {
            throw RuleViolationException.field("schoolId", "«" + school.name() + "» — не школа");
        }
        return school;
    }

    public static int year(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Укажите год списка (например, 2021)");
        }
        return year;
    }

    private static ListKind kind(ListKind kind) {
        if (kind == null) {
            throw RuleViolationException.field("kind", "Выберите вид списка");
        }
        return kind;
    }

    static String basis(String basis) {
        String b = basis == null ? "" : basis.strip().replaceAll("\\s+", " ");
        if (b.length() > MAX_BASIS) {
            throw RuleViolationException.field("basis", TextLimits.message(MAX_BASIS, "Основание", b.length()));
        }
        return b.isEmpty() ? null : b;
    }

    // ---------------------------------------------------------------------------------------------- SQL

    private static final String SELECT = """
            select e.id, e.region_id, e.year, e.kind, e.school_id, s.name, e.municipality_id,
                   coalesce(m.short_name, m.name), e.basis, e.created_at, e.created_by, e.version
            from school_list_entry e
            join directory_org_unit s on s.id = e.school_id
            left join directory_org_unit m on m.id = e.municipality_id""";

    private static final String ORDER = " order by e.year desc, e.kind, coalesce(m.short_name, m.name) nulls last, s.name, e.id";

    private static Row row(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp created = rs.getTimestamp(10);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), ListKind.valueOf(rs.getString(4)), rs.getLong(5),
                rs.getString(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                created == null ? null : created.toInstant(), rs.getString(11), rs.getLong(12));
    }

    private static String where(Scope scope, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(scopeSql(scope, args));
        if (filter.year() != null) {
            where.append(" and e.year = ?");
            args.add(filter.year());
        }
        if (filter.kind() != null) {
            where.append(" and e.kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.municipalityId() != null) {
            where.append(" and e.municipality_id = ?");
            args.add(filter.municipalityId());
        }
        return where.toString();
    }

    /** The scope for rows of {@code school_list_entry e}. */
    static String scopeSql(Scope scope, List<Object> args) {
        return scope.toSql("e.region_id", "e.municipality_id", "e.school_id", args);
    }
}
