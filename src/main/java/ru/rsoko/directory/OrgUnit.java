package ru.rsoko.directory;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Scope;

import java.time.ZoneId;

/**
 * An organisation of the directory as other modules see it: a region, a municipality, a school or an institution,
 * with its place (region, municipality, parent) and its requisites. Other modules keep only its id.
 */
public record OrgUnit(long id, OrgUnitType type, String name, @Nullable String shortName, @Nullable Long parentId,
                      @Nullable String parentName, @Nullable Long regionId, @Nullable Long municipalityId,
                      @Nullable String timeZone, @Nullable String inn, @Nullable String address, @Nullable String phone,
                      @Nullable String email, @Nullable String headName, boolean active, long version) {

    /** The short name where there is one (for tables and headings), else the full name. */
    public String displayName() {
        return shortName != null ? shortName : name;
    }

    /** A region's time zone; null for any other organisation. */
    public @Nullable ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    public boolean is(OrgUnitType t) {
        return type == t;
    }

    /** Whether a user of this scope may see the organisation. */
    public boolean within(Scope scope) {
        return scope.covers(regionId, municipalityId, id);
    }
}
