package ru.rsoko.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.plan.domain.PlanFixtures;
import org.springframework.transaction.support.TransactionTemplate;

@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

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
    MeetingFixtures meetingFixtures(MeetingService meetings, ExecutionService executions, UserDetailsService users,
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
