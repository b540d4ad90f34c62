package ru.rsoko.notification.domain;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the reminders every morning in each region's time zone: one cron trigger ({@code rsoko.notifications.reminder-cron},
 * «0 0 8 * * *» unless set; «-» turns it off) per time zone the regions use, read at start (a region in a new zone is
 * reminded from the next start). Each run holds a ShedLock lock in the database, so of several instances one runs it;
 * and every notification it writes is keyed by its day, so even a run repeated the same day tells nobody twice.
 */
@Component
public class ReminderJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final DirectoryService directory;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final String cron;

    ReminderJob(Reminders reminders, DirectoryService directory, LockingTaskExecutor locks, Clock clock,
                @Value("${rsoko.notifications.reminder-cron:0 0 8 * * *}") String cron) {
        this.reminders = reminders;
        this.directory = directory;
        this.locks = locks;
        this.clock = clock;
        this.cron = cron;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if ("-".equals(cron.strip())) {
            return;
        }
        for (ZoneId zone : zones().keySet()) {
            registrar.addTriggerTask(() -> runZone(zone), new CronTrigger(cron, zone));
        }
    }

    private Map<ZoneId, List<OrgUnit>> zones() {
        return directory.regions(Scope.all()).stream().filter(r -> r.timeZone() != null)
                .collect(Collectors.groupingBy(r -> ZoneId.of(r.timeZone()), java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** Every region's reminders of its today, zone by zone, each zone under its lock; what each region's run wrote. */
    public List<Reminders.Run> runAll() {
        List<Reminders.Run> runs = new ArrayList<>();
        for (ZoneId zone : zones().keySet()) {
            runs.addAll(runZone(zone));
        }
        return runs;
    }

    private List<Reminders.Run> runZone(ZoneId zone) {
        List<Reminders.Run> runs = new ArrayList<>();
        // held while it runs, released at once: a later run the same day (another instance whose cron fired a little
        // later, a restart) finds every reminder of the day already written and writes nothing
        LockConfiguration lock = new LockConfiguration(clock.instant(), "reminders:" + zone.getId(), Duration.ofMinutes(30),
                Duration.ZERO);
        locks.executeWithLock((Runnable) () -> {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            for (OrgUnit region : zones().getOrDefault(zone, List.of())) {
                try {
                    Reminders.Run run = reminders.run(region.id(), today);
                    runs.add(run);
                    log.info("Напоминания {} за {}: {}", region.displayName(), today, run.told());
                } catch (RuntimeException e) {
                    log.error("Напоминания {} за {} не разосланы", region.displayName(), today, e);
                }
            }
        }, lock);
        return runs;
    }
}
