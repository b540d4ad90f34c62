package ru.rsoko.directory.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.rsoko.directory.OrgUnit;

/**
 * Organisations by id as every page asks for them (the user's own, its region for the time zone, the path above it):
 * read once and kept for a short while (platform's cache). Every change of the directory evicts them all, at once
 * and after its commit: a rename changes the parent name its children show.
 */
@Component
class OrgUnitCache {

    static final String BY_ID = "directory.orgUnit";

    private final OrgUnitRepository units;
    private final CacheManager caches;

    OrgUnitCache(OrgUnitRepository units, CacheManager caches) {
        this.units = units;
        this.caches = caches;
    }

    /** The organisation, or null when there is none. */
    @Cacheable(BY_ID)
    @Transactional(readOnly = true)
    public @Nullable OrgUnit byId(long id) {
        return units.findWithParentById(id).map(OrgUnitEntity::toRecord).orElse(null);
    }

    /** Evicts every organisation now and once more after the changing transaction commits. */
    public void changed() {
        Cache cache = caches.getCache(BY_ID);
        if (cache == null) {
            return;
        }
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.clear();
                }
            });
        }
    }
}
