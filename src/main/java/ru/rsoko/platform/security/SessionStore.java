package ru.rsoko.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL ({@code spring_session}, shared by every instance). Two requests that arrive together
 * on a fresh session (a page and its htmx fragments) each store the session's first CSRF token: with a plain INSERT the
 * second failed on the attribute's primary key and the user got a 500. Spring Session's own PostgreSQL customizer
 * writes attributes with {@code INSERT … ON CONFLICT DO UPDATE}, so the later write wins.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
