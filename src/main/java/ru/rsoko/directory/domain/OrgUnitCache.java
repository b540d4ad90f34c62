package ru.rsoko.directory.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.OrgUnit;

/**
 * Organisations by id as every page asks for them (the user's own, its region for the time zone, the path above it):
 * read once and kept for a short while (platform's cache). Every change of the directory evicts them all, after
 * its commit: a rename changes the parent name its children show.
 */
@Component
class OrgUnitCache {

    static final String BY_ID = "directory.orgUnit";

    private final OrgUnitRepository units;

    OrgUnitCache(OrgUnitRepository units) {
        this.units = units;
    }

    /** The organisation, or null when there is none. */
    @Cacheable(BY_ID)
    @Transactional(readOnly = true)
    public @Nullable OrgUnit byId(long id) {
        return units.findWithParentById(id).map(OrgUnitEntity::toRecord).orElse(null);
    }

    @CacheEvict(cacheNames = BY_ID, allEntries = true)
    public void changed() {
        // the annotation does it
    }
}
