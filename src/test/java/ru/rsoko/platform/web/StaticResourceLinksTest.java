package ru.rsoko.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Static files keep addresses with a hash of their content (webjars with their version), and every other link of a
 * page is written without asking the resource chain: no classpath lookup per link.
 */
@IntegrationTest
class StaticResourceLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    List<FilterRegistrationBean<?>> filters;

    /** The resource chain as the page's filter asks it: each lookup (a classpath lookup in the application) noted. */
    static class CountingResolver implements ResourceResolver {
        final List<String> lookups = new ArrayList<>();

        @Override
        public Resource resolveResource(HttpServletRequest request, String requestPath,
                                        List<? extends Resource> locations, ResourceResolverChain chain) {
            return null;
        }

        @Override
        public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            lookups.add(resourcePath);
            return resourcePath.equals("css/app.css") ? "css/app-0123456789abcdef.css" : null;
        }
    }

    @Test
    void ordinaryLinksNeverReachTheResourceChain() throws Exception {
        CountingResolver lookups = new CountingResolver();
        ResourceHttpRequestHandler everything = new ResourceHttpRequestHandler();
        everything.setResourceResolvers(List.of(lookups));
        ResourceUrlProvider chain = new ResourceUrlProvider();
        chain.setHandlerMap(Map.of("/**", everything));
        AtomicReference<List<String>> written = new AtomicReference<>();
        new StaticResourceLinks.StaticOnlyResourceUrlEncodingFilter().doFilter(new MockHttpServletRequest("GET", "/"),
                new MockHttpServletResponse(), (request, response) -> {
                    // what Spring MVC's interceptor does before a view renders
                    request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, chain);
                    HttpServletResponse page = (HttpServletResponse) response;
                    List<String> links = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        links.add(page.encodeURL("/executions?page=" + i));
                        links.add(page.encodeURL("/meetings/" + i));
                    }
                    links.add(page.encodeURL("/css/app.css"));
                    written.set(links);
                });
        assertThat(lookups.lookups).containsExactly("css/app.css");
        assertThat(written.get()).contains("/executions?page=7", "/meetings/199", "/css/app-0123456789abcdef.css");
    }

    @Test
    void pagesLinkStaticFilesByHashAndWebjarsByVersion() throws Exception {
        String page = mvc.perform(get("/").with(users.page("sonkovo.school")).accept("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("href=\"/css/app-[0-9a-f]{32}\\.css\"")
                .containsPattern("src=\"/js/app-[0-9a-f]{32}\\.js\"")
                .containsPattern("href=\"/webjars/bootstrap/\\d+\\.\\d+\\.\\d+[^/\"]*/dist/css/bootstrap\\.min\\.css\"")
                .contains("href=\"/executions");
    }

    @Test
    void theApplicationRegistersOnlyItsOwnResourceLinkFilter() {
        assertThat(filters).filteredOn(f -> f.getFilter() instanceof ResourceUrlEncodingFilter).singleElement()
                .satisfies(f -> assertThat(f.getFilter())
                        .isInstanceOf(StaticResourceLinks.StaticOnlyResourceUrlEncodingFilter.class));
    }
}
