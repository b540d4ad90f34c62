package ru.rsoko.directory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import ru.rsoko.access.Scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What other modules ask the directory: organisations by id, by place and by filter, always within the caller's
 * scope (an organisation outside it is "not found"). The directory owns the {@code org_unit} table; SQL of other
 * modules reads organisations only through the view {@code directory_org_unit} (see docs/architecture.md).
 */
public interface DirectoryService {

    /** An organisation the scope covers; {@code NotFoundException} otherwise. */
    OrgUnit get(Scope scope, long id);

    /** Organisations by id, whatever the scope (for showing names of ids a module already keeps); missing ids are left out. */
    Map<Long, OrgUnit> byIds(Collection<Long> ids);

    /** A region by id, for its time zone and name; not a scope check. */
    OrgUnit region(long regionId);

    /** The organisation's place in the tree, from its region down to itself. */
    List<OrgUnit> path(long orgUnitId);

    /** Regions the caller may see, for pickers. */
    List<OrgUnit> regions(Scope scope);

    /** Organisations that can stand above others in a region: the region and its municipalities. */
    List<OrgUnit> parentsInRegion(Scope scope, long regionId);

    /** A region's municipalities with the number of active schools of each. */
    List<MunicipalitySummary> municipalitiesOf(Scope scope, long regionId);

    Page<OrgUnit> find(Scope scope, OrgUnitFilter filter, Pageable pageable);

    /** Every matching organisation, read a page at a time: for exports of any size. */
    void forEach(Scope scope, OrgUnitFilter filter, Consumer<OrgUnit> action);

    Map<OrgUnitType, Long> countActiveByType(Scope scope);

    /** The active organisations of a kind in the scope, by name: one query, for figures per school of a whole region. */
    List<OrgUnit> active(Scope scope, OrgUnitType type);

    /**
     * Pupils per grade of the schools in the school year, whatever the scope (for schools a module already keeps); a
     * grade without a figure is left out.
     */
    List<GradePupils> pupils(Collection<Long> schoolIds, SchoolYear schoolYear);

    /**
     * Records pupils entered elsewhere (participation in a procedure) as the schools' figures of the school year, so
     * that nobody is asked for them again: only figures that differ are written, with their history under the user's
     * name. Every school must be a school of the scope ({@code NotFoundException} otherwise). Returns how many changed.
     */
    int recordPupils(Scope scope, String username, SchoolYear schoolYear, List<GradePupils.Figure> figures);
}
