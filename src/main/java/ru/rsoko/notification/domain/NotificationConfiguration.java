package ru.rsoko.notification.domain;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the reminder job and the mail dispatcher; ShedLock's locks kept in the database's {@code shedlock}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        // the database's clock decides whose lock has expired, whatever each instance's clock says
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).usingDbTime().build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
