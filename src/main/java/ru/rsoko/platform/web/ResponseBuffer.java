package ru.rsoko.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A page is held in the response's buffer until it is whole (templates render in full before they write:
 * {@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}). Spring Session saves the session
 * when the response is committed, with a connection of its own; with Tomcat's 8 KB buffer that happened in the middle
 * of a page, and a failure there (the pool busy at a peak) cut the page off with a 500. Now it happens before any byte
 * is sent, so {@link DatabaseOutageFilter} can still answer with its 503. The largest pages (a regional dashboard)
 * are about 100 KB; a file download simply streams on once the buffer is full.
 */
@Configuration(proxyBeanMethods = false)
class ResponseBuffer {

    static final int BYTES = 256 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> responseBufferFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isPage(request.getRequestURI())) {
                    response.setBufferSize(BYTES);
                }
                chain.doFilter(request, response);
            }
        });
        // inside the outage filter (HIGHEST_PRECEDENCE + 10), outside the session filter (HIGHEST_PRECEDENCE + 50)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Pages, which save the session: not the API (tokens, no session), static files or the health checks, which keep
     * Tomcat's 8 KB buffer rather than a 256 KB one allocated per request.
     */
    static boolean isPage(String uri) {
        return !uri.startsWith("/api/") && !uri.startsWith("/actuator/")
                && StaticResourceLinks.PREFIXES.stream().noneMatch(uri::startsWith);
    }
}
