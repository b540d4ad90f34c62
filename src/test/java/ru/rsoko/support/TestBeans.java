package ru.rsoko.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.account.AccountService;
import ru.rsoko.directory.DirectoryService;

@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    Fixtures fixtures(DirectoryService directory, AccountService accounts) {
        return new Fixtures(directory, accounts);
    }

    @Bean
    DemoUsers demoUsers(UserDetailsService users) {
        return new DemoUsers(users);
    }
}
