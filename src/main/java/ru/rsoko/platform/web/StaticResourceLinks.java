package ru.rsoko.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.io.IOException;
import java.util.List;

/**
 * Static files are linked by a hash of their content ({@code /css/app-<hash>.css}) and webjars by their version, so
 * that browsers may keep them for a year. Spring's {@link ResourceUrlEncodingFilter} does that for every link a page
 * builds: each {@code @{/executions?…}} went through the resource chain, which looked the path up on the classpath,
 * missed and did not remember the miss — most of a page's CPU. Here only links under the static prefixes reach the
 * chain; every other link is encoded as it is, at no cost. Declaring this filter turns off the one Spring Boot adds.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

    /** Where static files are served from: the chain's content paths ({@code spring.web.resources.chain.strategy.content.paths}) and webjars. */
    static final List<String> PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    /** Typed as Spring's filter, so that Spring Boot's condition sees it and adds no second one. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new StaticOnlyResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter, asked only about links to static files. */
    static class StaticOnlyResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                chain.doFilter(request, response);
                return;
            }
            super.doFilter(request, response, (req, encoding) ->
                    chain.doFilter(req, new StaticOnly((HttpServletResponse) encoding, plain, http.getContextPath())));
        }
    }

    /** Sends links under {@link #PREFIXES} to the resource chain and every other link past it. */
    static final class StaticOnly extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String contextPath;

        StaticOnly(HttpServletResponse encoding, HttpServletResponse plain, String contextPath) {
            super(encoding);
            this.plain = plain;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStatic(url) ? super.encodeURL(url) : plain.encodeURL(url);
        }

        private boolean isStatic(String url) {
            if (!url.startsWith(contextPath)) {
                return false;
            }
            for (String prefix : PREFIXES) {
                if (url.startsWith(prefix, contextPath.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
