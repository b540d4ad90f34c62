package ru.rsoko.account.domain;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Hourly: buckets untouched for a day (full again) and failed sign-ins older than the 30 days the owner's page shows
 * go. Under a ShedLock lock in the database, as the other scheduled jobs, so of several instances one runs it.
 */
@Component
class LoginThrottlePurge {

    private final LoginThrottle throttle;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    LoginThrottlePurge(LoginThrottle throttle, LockingTaskExecutor locks, Clock clock) {
        this.throttle = throttle;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${rsoko.security.login.purge-cron:0 15 * * * *}")
    void run() {
        locks.executeWithLock((Runnable) () -> throttle.purge(clock.instant().minus(Duration.ofDays(30))),
                new LockConfiguration(clock.instant(), "login-throttle-purge", Duration.ofMinutes(10), Duration.ofMinutes(1)));
    }
}
