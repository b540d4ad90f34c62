package ru.rsoko.securitylog.domain;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Every night the rows older than the retention period go ({@code rsoko.security-log.purge-cron}, 03:30 by default;
 * «-» turns it off). Like the notification jobs, a run holds a ShedLock lock in the database, so of several
 * instances one purges.
 */
@Component
class SecurityLogPurge {

    private static final Logger log = LoggerFactory.getLogger(SecurityLogPurge.class);

    private final SecurityLog securityLog;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    SecurityLogPurge(SecurityLog securityLog, LockingTaskExecutor locks, Clock clock) {
        this.securityLog = securityLog;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${rsoko.security-log.purge-cron:0 30 3 * * *}")
    void run() {
        locks.executeWithLock((Runnable) () -> {
            int removed = securityLog.purge();
            if (removed > 0) {
                log.info("Журнал безопасности: удалено записей старше {}: {}", securityLog.retention(), removed);
            }
        }, new LockConfiguration(clock.instant(), "security-log-purge", Duration.ofMinutes(30), Duration.ofMinutes(1)));
    }
}
