package ru.rsoko.execution.domain;

import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Today in each region a scope covers: "overdue" is judged in the region's time zone, so a record due on 31 May is
 * overdue from midnight of 1 June in Tomsk, four hours before Tver.
 */
@Component
class RegionDays {

    private final DirectoryService directory;
    private final Clock clock;

    RegionDays(DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    LocalDate today(long regionId) {
        return LocalDate.now(clock.withZone(directory.region(regionId).zone()));
    }

    /** Today of every region the scope sees: one region, or all of them for a deployment administrator. */
    Map<Long, LocalDate> byRegion(Scope scope) {
        Map<Long, LocalDate> today = new HashMap<>();
        if (scope.isAll()) {
            directory.regions(scope).forEach(r -> today.put(r.id(), LocalDate.now(clock.withZone(r.zone()))));
        } else {
            today.put(scope.regionId(), today(scope.regionId()));
        }
        return today;
    }
}
