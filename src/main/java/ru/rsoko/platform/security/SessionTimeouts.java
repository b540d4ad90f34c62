package ru.rsoko.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.time.Duration;

/**
 * Two limits on a session: idle ({@code spring.session.timeout}, Spring Session's own) and absolute
 * ({@code rsoko.session.absolute-timeout}, {@link AbsoluteSessionTimeout}).
 */
@Configuration(proxyBeanMethods = false)
class SessionTimeouts {

    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeout> absoluteSessionTimeout(
            @Value("${rsoko.session.absolute-timeout:12h}") Duration timeout) {
        FilterRegistrationBean<AbsoluteSessionTimeout> registration =
                new FilterRegistrationBean<>(new AbsoluteSessionTimeout(timeout));
        // right after Spring Session's filter (which finds the session), long before Spring Security's
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
