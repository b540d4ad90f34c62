package ru.rsoko.platform.time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** Every "now" of the application comes from here, so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
