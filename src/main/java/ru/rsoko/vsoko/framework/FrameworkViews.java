package ru.rsoko.vsoko.framework;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.rsoko.platform.web.NotFoundException;

/**
 * Frameworks as results read them (directions, indicators, options: four queries), kept for a short while (platform's
 * cache): a results page, a dashboard or a school's profile reads the framework of every campaign it shows. A framework
 * is locked once a campaign using it has opened, so a kept one seldom goes stale; every edit evicts them all, at once
 * and after its commit.
 */
@Component
public class FrameworkViews {

    static final String BY_ID = "vsoko.frameworkView";

    private final FrameworkRepository frameworks;
    private final CacheManager caches;

    FrameworkViews(FrameworkRepository frameworks, CacheManager caches) {
        this.frameworks = frameworks;
        this.caches = caches;
    }

    @Cacheable(BY_ID)
    @Transactional(readOnly = true)
    public FrameworkView of(long frameworkId) {
        return FrameworkView.of(frameworks.findById(frameworkId)
                .orElseThrow(() -> NotFoundException.of("Набор показателей", frameworkId)));
    }

    /** Evicts every framework now and once more after the changing transaction ends. */
    void changed() {
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
