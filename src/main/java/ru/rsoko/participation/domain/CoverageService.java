package ru.rsoko.participation.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coverage and observers as each user sees them: regional staff by municipality, a municipal officer by school (those
 * under the target first), a director their own school; and the same figures over a plan's procedures with a
 * coverage target, for the API. Everything is computed from the rows by {@link Coverage}; nothing is typed.
 */
@Service
@Transactional(readOnly = true)
public class CoverageService {

    enum By {
        MUNICIPALITY, SCHOOL, REGION;

        static By parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "", "municipality" -> MUNICIPALITY;
                case "school" -> SCHOOL;
                case "region" -> REGION;
                default -> throw RuleViolationException.field("by", "Параметр by может быть «municipality» (по муниципалитетам), "
                        + "«school» (по ОО) или «region» (по региону), а не «" + text + "»");
            };
        }
    }

    /** The region's view of a procedure: a line per municipality and the total. */
    public record ByMunicipality(List<Coverage.Totals> municipalities, Coverage.Totals total) {
    }

    static final String NO_MUNICIPALITY = "Без муниципалитета";

    private final PlanAccess access;
    private final DirectoryService directory;
    private final ParticipationQueries queries;

    CoverageService(PlanAccess access, DirectoryService directory, ParticipationQueries queries) {
        this.access = access;
        this.directory = directory;
        this.queries = queries;
    }

    /** A procedure the user sees (through the plan's face). */
    Procedure procedure(CurrentUser user, long id) {
        return access.procedure(user, id);
    }

    /** Each municipality of the user's scope and the total of the scope. */
    ByMunicipality byMunicipality(CurrentUser user, Procedure procedure) {
        List<Coverage.School> schools = queries.schools(user.scope(), List.of(procedure), null, null);
        return new ByMunicipality(groupByMunicipality(schools), Coverage.Totals.of(null, "Итого", schools));
    }

    /**
     * The schools of the user's scope, optionally of one municipality (which must be in the scope): those under the
     * target first, then by municipality and name.
     */
    List<Coverage.School> schools(CurrentUser user, Procedure procedure, Long municipalityId) {
        if (municipalityId != null) {
            municipality(user, municipalityId);
        }
        List<Coverage.School> schools = new ArrayList<>(queries.schools(user.scope(), List.of(procedure), municipalityId, null));
        schools.sort(Comparator.comparing((Coverage.School s) -> !s.underTarget()));
        return schools;
    }

    /** One school's figures; a school outside the scope or not taking part is not found. */
    Coverage.School school(CurrentUser user, Procedure procedure, long schoolId) {
        return queries.schools(user.scope(), List.of(procedure), null, schoolId).stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("ОО", schoolId));
    }

    OrgUnit municipality(CurrentUser user, long municipalityId) {
        OrgUnit unit = directory.get(user.scope(), municipalityId);
        if (unit.type() != OrgUnitType.MUNICIPALITY) {
            throw NotFoundException.of("Муниципалитет", municipalityId);
        }
        return unit;
    }

    /** Whether the user's first view of a procedure is by municipality (regional staff, administrators). */
    static boolean seesMunicipalities(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.ADMIN);
    }

    /**
     * Coverage over the plan's procedures that have a coverage target (or the one asked for, which must be the plan's),
     * in the user's scope, by municipality, school or region.
     */
    public List<Coverage.Totals> plan(CurrentUser user, long planId, String by, Long procedureId) {
        By grouping = By.parse(by);
        Plan plan = access.plan(user, planId);
        List<Procedure> all = access.procedures(plan);
        List<Procedure> chosen = all.stream()
                .filter(p -> p.coverageTarget() != null)
                .filter(p -> procedureId == null || p.id() == procedureId).toList();
        if (procedureId != null && chosen.isEmpty() && all.stream().noneMatch(p -> p.id() == procedureId)) {
            throw NotFoundException.of("Процедура", procedureId);
        }
        List<Coverage.School> schools = queries.schools(user.scope(), chosen, null, null);
        return switch (grouping) {
            case MUNICIPALITY -> groupByMunicipality(schools);
            case SCHOOL -> {
                Map<Long, List<Coverage.School>> bySchool = new LinkedHashMap<>();
                schools.forEach(s -> bySchool.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s));
                yield bySchool.values().stream()
                        .map(list -> Coverage.Totals.of(list.getFirst().schoolId(), list.getFirst().schoolName(), list)).toList();
            }
            case REGION -> {
                OrgUnit region = directory.region(plan.regionId());
                yield List.of(Coverage.Totals.of(region.id(), region.name(), schools));
            }
        };
    }

    private static List<Coverage.Totals> groupByMunicipality(List<Coverage.School> schools) {
        Map<Long, List<Coverage.School>> groups = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Coverage.School s : schools) {
            Long key = s.municipalityId() == null ? -1L : s.municipalityId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            names.putIfAbsent(key, Objects.requireNonNullElse(s.municipalityName(), NO_MUNICIPALITY));
        }
        List<Coverage.Totals> lines = new ArrayList<>();
        groups.forEach((key, list) -> lines.add(Coverage.Totals.of(key < 0 ? null : key, names.get(key), list)));
        return lines;
    }
}
