package ru.rsoko.directory.domain;

import ru.rsoko.platform.search.Search;
import jakarta.persistence.criteria.Predicate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.GradePupils;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RussianTimeZones;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The directory of organisations and its rules: where each kind of organisation may stand in the tree,
 * unique names among siblings, deactivation instead of deletion once anything refers to an organisation.
 * Every read and write takes the caller's {@link Scope}; what lies outside it is "not found".
 */
@Service
@Transactional
public class OrgUnitService implements DirectoryService {

    static final HistoryFields<OrgUnitEntity> HISTORY = HistoryFields.of(OrgUnitEntity.class)
            .field("Тип", u -> u.getType().label())
            .field("Наименование", OrgUnitEntity::getName)
            .field("Краткое наименование", OrgUnitEntity::getShortName)
            .field("Вышестоящая организация", u -> u.getParent() == null ? null : u.getParent().getName())
            .field("Часовой пояс", u -> u.getTimeZone() == null ? null : RussianTimeZones.label(u.getTimeZone()))
            .field("ИНН", OrgUnitEntity::getInn)
            .field("Адрес", OrgUnitEntity::getAddress)
            .field("Телефон", OrgUnitEntity::getPhone)
            .field("E-mail", OrgUnitEntity::getEmail)
            .field("Руководитель", OrgUnitEntity::getHeadName)
            .field("Активна", OrgUnitEntity::isActive);

    private static final Sort BY_NAME = Sort.by("name").and(Sort.by("id"));

    private final OrgUnitRepository units;
    private final AuditHistory auditHistory;

    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    void setJdbc(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private final PupilsService pupils;
    private final OrgUnitCache cache;

    OrgUnitService(OrgUnitRepository units, AuditHistory auditHistory, PupilsService pupils, OrgUnitCache cache) {
        this.units = units;
        this.auditHistory = auditHistory;
        this.pupils = pupils;
        this.cache = cache;
    }

    @Override
    @Transactional(readOnly = true)
    public List<GradePupils> pupils(Collection<Long> schoolIds, SchoolYear schoolYear) {
        return pupils.of(schoolIds, schoolYear);
    }

    @Override
    public int recordPupils(Scope scope, String username, SchoolYear schoolYear, List<GradePupils.Figure> figures) {
        return pupils.record(scope, username, schoolYear, figures);
    }

    // ---- reading

    @Override
    @Transactional(readOnly = true)
    public Page<OrgUnit> find(Scope scope, OrgUnitFilter filter, Pageable pageable) {
        Pageable sorted = pageable.isUnpaged() || pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_NAME);
        return units.findAll(matching(scope, filter), sorted).map(OrgUnitEntity::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Scope scope, OrgUnitFilter filter, Consumer<OrgUnit> action) {
        Pageable page = PageRequest.of(0, 1000, BY_NAME);
        Page<OrgUnitEntity> chunk;
        do {
            chunk = units.findAll(matching(scope, filter), page);
            chunk.forEach(u -> action.accept(u.toRecord()));
            page = page.next();
        } while (chunk.hasNext());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrgUnit> active(Scope scope, OrgUnitType type) {
        List<Object> args = new ArrayList<>(List.of(type.name()));
        String where = scope.toSql("o.region_id", "o.municipality_id", "o.id", args);
        return jdbc.query("""
                select o.id, o.type, o.name, o.short_name, o.parent_id, p.name, o.region_id, o.municipality_id, o.time_zone,
                       o.inn, o.address, o.phone, o.email, o.head_name, o.active, o.version
                from org_unit o left join org_unit p on p.id = o.parent_id
                where o.type = ? and o.active and\s""" + where + " order by o.name, o.id", (rs, i) -> new OrgUnit(
                rs.getLong(1), OrgUnitType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getBoolean(15), rs.getLong(16)), args.toArray());
    }

    @Override
    @Transactional(readOnly = true)
    public OrgUnit get(Scope scope, long id) {
        OrgUnit unit = cache.byId(id);
        if (unit == null || !unit.within(scope)) {
            throw NotFoundException.of("Организация", id);
        }
        return unit;
    }

    /** The entity itself, for the directory's own rules and imports. */
    OrgUnitEntity entity(Scope scope, long id) {
        return units.findWithParentById(id).filter(u -> u.within(scope))
                .orElseThrow(() -> NotFoundException.of("Организация", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, OrgUnit> byIds(Collection<Long> ids) {
        Map<Long, OrgUnit> found = new HashMap<>();
        if (!ids.isEmpty()) {
            units.findWithParentByIdIn(ids.stream().distinct().toList()).forEach(u -> found.put(u.getId(), u.toRecord()));
        }
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public OrgUnit region(long regionId) {
        OrgUnit region = cache.byId(regionId);
        if (region == null || region.type() != OrgUnitType.REGION) {
            throw NotFoundException.of("Регион", regionId);
        }
        return region;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrgUnit> path(long orgUnitId) {
        List<OrgUnit> path = new ArrayList<>();
        for (OrgUnit u = cache.byId(orgUnitId); u != null; u = u.parentId() == null ? null : cache.byId(u.parentId())) {
            path.add(u);
        }
        Collections.reverse(path);
        return path;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrgUnit> regions(Scope scope) {
        return units.findRegions().stream().filter(u -> u.within(scope)).map(OrgUnitEntity::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrgUnit> parentsInRegion(Scope scope, long regionId) {
        return parentEntitiesInRegion(scope, regionId).stream().map(OrgUnitEntity::toRecord).toList();
    }

    List<OrgUnitEntity> parentEntitiesInRegion(Scope scope, long regionId) {
        return units.findInRegion(regionId, List.of(OrgUnitType.REGION, OrgUnitType.MUNICIPALITY)).stream()
                .filter(u -> u.within(scope)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<OrgUnitType, Long> countActiveByType(Scope scope) {
        Map<OrgUnitType, Long> counts = new EnumMap<>(OrgUnitType.class);
        for (OrgUnitType type : OrgUnitType.values()) {
            counts.put(type, 0L);
        }
        List<Object> args = new ArrayList<>();
        String where = scope.toSql("o.region_id", "o.municipality_id", "o.id", args);
        jdbc.query("select o.type, count(*) from org_unit o where o.active and " + where + " group by o.type",
                rs -> {
                    counts.put(OrgUnitType.valueOf(rs.getString(1)), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MunicipalitySummary> municipalitiesOf(Scope scope, long regionId) {
        if (!scope.covers(regionId, null, regionId)) {
            throw NotFoundException.of("Регион", regionId);
        }
        return units.municipalitiesWithSchoolCounts(regionId).stream()
                .map(r -> new MunicipalitySummary((Long) r[0], (String) r[1], (Boolean) r[2], (Long) r[3], (String) r[4]))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long id) {
        entity(scope, id);
        return auditHistory.of(OrgUnitEntity.class, id, HISTORY);
    }

    static Specification<OrgUnitEntity> matching(Scope scope, OrgUnitFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(scope.toPredicate(cb, root));
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.parentId() != null) {
                where.add(cb.equal(root.get("parent").get("id"), filter.parentId()));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = Search.containsPattern(filter.q());
                where.add(cb.or(
                        Search.contains(cb, root.get("name"), like),
                        Search.contains(cb, root.get("shortName"), like),
                        cb.equal(root.get("inn"), filter.q().strip())));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    // ---- changing

    public OrgUnit create(Scope scope, OrgUnitForm form) {
        return createEntity(scope, form).toRecord();
    }

    OrgUnitEntity createEntity(Scope scope, OrgUnitForm form) {
        cache.changed();
        OrgUnitType type = form.getType();
        if (type == null) {
            throw RuleViolationException.field("type", "Укажите тип организации");
        }
        OrgUnitEntity parent = form.getParentId() == null ? null : parentInScope(scope, form.getParentId());
        checkPlacement(scope, type, parent);
        if (parent != null && !parent.isActive()) {
            throw RuleViolationException.field("parentId", "Вышестоящая организация деактивирована: в неё нельзя добавлять организации");
        }
        String name = normaliseName(form.getName());
        checkUniqueName(parent, name, -1);
        OrgUnitEntity unit = new OrgUnitEntity(units.nextId(), type, name, parent);
        apply(unit, form);
        return units.save(unit);
    }

    public OrgUnit update(Scope scope, long id, OrgUnitForm form) {
        OrgUnitEntity unit = updateEntity(scope, id, form);
        units.flush();
        return unit.toRecord();
    }

    OrgUnitEntity updateEntity(Scope scope, long id, OrgUnitForm form) {
        cache.changed();
        OrgUnitEntity unit = entity(scope, id);
        // forms always send the version they showed; an API client that sends none updates unconditionally
        if (form.getVersion() != null) {
            ConcurrentEditException.check(form.getVersion(), unit.getVersion());
        }
        if (form.getType() != null && form.getType() != unit.getType()) {
            throw RuleViolationException.field("type", "Тип организации изменить нельзя: создайте новую организацию");
        }
        // no parent given keeps the parent: nothing but a region or a deployment-level institution stands alone
        if (form.getParentId() != null && !form.getParentId().equals(unit.getParentId())) {
            move(scope, unit, form.getParentId());
        }
        String name = normaliseName(form.getName());
        checkUniqueName(unit.getParent(), name, unit.getId());
        unit.setName(name);
        apply(unit, form);
        if (form.getActive() != null && form.getActive() != unit.isActive()) {
            changeActive(unit, form.getActive());
        }
        return unit;
    }

    public OrgUnit setActive(Scope scope, long id, boolean active, Long version) {
        cache.changed();
        OrgUnitEntity unit = entity(scope, id);
        ConcurrentEditException.check(version, unit.getVersion());
        changeActive(unit, active);
        units.flush();
        return unit.toRecord();
    }

    /**
     * Removes an organisation entered by mistake. Anything that refers to it (organisations under it,
     * accounts, later decisions and reports) makes the database refuse, and the user is told to deactivate.
     */
    public void delete(Scope scope, long id) {
        delete(scope, id, null);
    }

    /** As {@link #delete(Scope, long)}, when the organisation is still at the {@code version} the caller read (409 otherwise). */
    public void delete(Scope scope, long id, Long version) {
        cache.changed();
        OrgUnitEntity unit = entity(scope, id);
        if (version != null) {
            ConcurrentEditException.check(version, unit.getVersion());
        }
        if (unit.getType() == OrgUnitType.REGION && !scope.isAll()) {
            throw RuleViolationException.forbidden("Регион может удалить только администратор развёртывания");
        }
        try {
            units.delete(unit);
            units.flush();
        } catch (DataIntegrityViolationException e) {
            throw RuleViolationException.conflict("Организацию «" + unit.getName()
                    + "» нельзя удалить: на неё ссылаются другие записи (подведомственные организации, учётные записи, поручения). Её можно деактивировать.");
        }
    }

    private void changeActive(OrgUnitEntity unit, boolean active) {
        if (!active) {
            long children = units.countActiveChildren(unit.getId());
            if (children > 0) {
                throw RuleViolationException.conflict("Сначала деактивируйте подведомственные организации «"
                        + unit.getName() + "» (активных: " + children + ")");
            }
        } else if (unit.getParent() != null && !unit.getParent().isActive()) {
            throw RuleViolationException.conflict("Сначала активируйте вышестоящую организацию «" + unit.getParent().getName() + "»");
        }
        unit.setActive(active);
    }

    private void move(Scope scope, OrgUnitEntity unit, long newParentId) {
        if (unit.getType() == OrgUnitType.REGION || unit.getType() == OrgUnitType.MUNICIPALITY) {
            throw RuleViolationException.field("parentId", "Вышестоящую организацию для организации типа «"
                    + unit.getType().label() + "» изменить так нельзя");
        }
        OrgUnitEntity parent = parentInScope(scope, newParentId);
        checkPlacement(scope, unit.getType(), parent);
        if (!parent.getRegionId().equals(unit.getRegionId())) {
            throw RuleViolationException.field("parentId", "Организацию нельзя перенести в другой регион");
        }
        if (!parent.isActive()) {
            throw RuleViolationException.field("parentId", "Вышестоящая организация деактивирована");
        }
        unit.placeUnder(parent);
        if (unit.getType() == OrgUnitType.SCHOOL) {
            pupils.moved(unit);
        }
    }

    /** A parent outside the caller's scope is "not found", like any other object out of scope. */
    private OrgUnitEntity parentInScope(Scope scope, long parentId) {
        return units.findById(parentId).filter(u -> u.within(scope))
                .orElseThrow(() -> NotFoundException.of("Вышестоящая организация", parentId));
    }

    private void checkPlacement(Scope scope, OrgUnitType type, OrgUnitEntity parent) {
        boolean ok = type.fitsUnder(parent == null ? null : parent.getType());
        if (!ok) {
            throw RuleViolationException.field("parentId", switch (type) {
                case REGION -> "Регион не может входить в другую организацию";
                case MUNICIPALITY -> "Муниципалитет должен входить в регион";
                case SCHOOL -> "Школа должна входить в муниципалитет или регион";
                case INSTITUTION -> "Учреждение может входить только в регион или муниципалитет";
            });
        }
        if (parent == null && !scope.isAll()) {
            throw RuleViolationException.forbidden(type == OrgUnitType.REGION
                    ? "Регионы создаёт администратор развёртывания"
                    : "Укажите вышестоящую организацию своего региона");
        }
    }

    private void checkUniqueName(OrgUnitEntity parent, String name, long excludeId) {
        if (units.siblingNamed(parent == null ? null : parent.getId(), name, excludeId)) {
            throw RuleViolationException.field("name", parent == null
                    ? "Организация верхнего уровня с наименованием «" + name + "» уже есть"
                    : "В «" + parent.getName() + "» уже есть организация с наименованием «" + name + "»");
        }
    }

    private void apply(OrgUnitEntity unit, OrgUnitForm form) {
        unit.setShortName(clean(form.getShortName()));
        if (unit.getType() == OrgUnitType.REGION) {
            String zone = clean(form.getTimeZone());
            if (!RussianTimeZones.isKnown(zone)) {
                throw RuleViolationException.field("timeZone", zone == null
                        ? "Укажите часовой пояс региона"
                        : "Неизвестный часовой пояс «" + zone + "»: укажите пояс России, например Europe/Moscow");
            }
            unit.setTimeZone(zone);
        }
        unit.setInn(clean(form.getInn()));
        unit.setAddress(clean(form.getAddress()));
        unit.setPhone(clean(form.getPhone()));
        unit.setEmail(clean(form.getEmail()));
        unit.setHeadName(clean(form.getHeadName()));
    }

    static String normaliseName(String name) {
        String cleaned = clean(name);
        if (cleaned == null) {
            throw RuleViolationException.field("name", "Укажите наименование");
        }
        return cleaned.replaceAll("\\s+", " ");
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
