package ru.rsoko.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.plan.domain.PlanFixtures;
import org.springframework.transaction.support.TransactionTemplate;

@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    /** Counts the statements of a request (StatementCountTest); static, being a BeanPostProcessor. */
    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    Fixtures fixtures(OrgUnitService directory, UserAccountService accounts) {
        return new Fixtures(directory, accounts);
    }

    @Bean
    MeetingFixtures meetingFixtures(MeetingManagement meetings, ExecutionManagement executions, UserDetailsService users,
                                    Fixtures fixtures) {
        return new MeetingFixtures(meetings, executions, users, fixtures);
    }

    @Bean
    PlanFixtures planFixtures(OrgUnitService directory, Fixtures fixtures, UserDetailsService users, TransactionTemplate tx) {
        return new PlanFixtures(directory, fixtures, users, tx);
    }

    @Bean
    DemoUsers demoUsers(UserDetailsService users) {
        return new DemoUsers(users);
    }
}
