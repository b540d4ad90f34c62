package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Paging and search parameters out of bounds — an enormous or negative page, a size of -1 or a million, a garbage
 * sort, a NUL byte in the search — on every list of the application (each GET without a path variable: pages, the
 * API and .xlsx downloads): a 400 in Russian or the list itself, never a 5xx.
 */
@IntegrationTest
class PagingParametersTest {

    private static final List<Map<String, String>> HOSTILE = List.of(
            Map.of("page", "2147483647"), Map.of("page", "2147483648"), Map.of("page", "-1"), Map.of("page", "abc"),
            Map.of("page", String.valueOf(Paging.MAX_PAGE)), Map.of("size", "-1"), Map.of("size", "0"),
            Map.of("size", "1000000"), Map.of("sort", "name;drop table meeting,desc"), Map.of("sort", "\u0000"),
            Map.of("q", "берез\u0000ка"), Map.of("q", "ж".repeat(5_000)), Map.of("q", "%_\\'\""));

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noListAnswersAServerErrorToHostilePagingOrSearch() throws Exception {
        TreeSet<String> lists = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getName().startsWith("ru.rsoko.")
                    || !entry.getKey().getMethodsCondition().getMethods().stream().allMatch(m -> m.name().equals("GET"))
                    || entry.getKey().getMethodsCondition().getMethods().isEmpty()) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.contains("{") && !pattern.equals("/logout") && !pattern.startsWith("/calendar/")) {
                    lists.add(pattern);
                }
            }
        }
        assertThat(lists).contains("/executions", "/executions.xlsx", "/api/v1/executions", "/meetings", "/api/v1/meetings",
                "/directory", "/api/v1/org-units");

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String path : lists) {
            for (Map<String, String> parameters : HOSTILE) {
                MockHttpServletRequestBuilder request = get(path);
                parameters.forEach(request::param);
                request = path.startsWith("/api/") ? request.with(api(user(path)))
                        : request.with(users.page(user(path)));
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                requests++;
                if (response.getStatus() >= 500) {
                    failures.add(path + " " + parameters.keySet() + " → " + response.getStatus());
                } else if (response.getStatus() == 400 && path.startsWith("/api/")
                        && !response.getContentAsString(StandardCharsets.UTF_8).matches("(?s).*[А-Яа-я].*")) {
                    failures.add(path + " " + parameters.keySet() + " → 400 не по-русски");
                }
            }
        }
        assertThat(failures).as("of %d requests", requests).isEmpty();
    }

    @Test
    void outOfBoundsIsA400InRussianAndAPagePastTheEndIsEmpty() throws Exception {
        mvc.perform(get("/api/v1/executions").param("page", "2147483647").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Номер страницы — от 0 до " + Paging.MAX_PAGE));
        mvc.perform(get("/api/v1/meetings").param("size", "-1").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").value("Размер страницы — от 1 до " + Paging.MAX_SIZE));
        mvc.perform(get("/api/v1/org-units").param("q", "берез\u0000ка").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Параметр «q» содержит недопустимый символ (NUL)"));
        String page = mvc.perform(get("/executions.xlsx").param("q", "a\u0000").with(users.page("tver.coko")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("недопустимый символ");

        mvc.perform(get("/api/v1/executions").param("page", String.valueOf(Paging.MAX_PAGE)).param("size", "500")
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty());
        mvc.perform(get("/executions").param("page", String.valueOf(Paging.MAX_PAGE)).with(users.page("tver.coko")))
                .andExpect(status().isOk());
    }

    private static String user(String path) {
        return path.startsWith("/admin") || path.startsWith("/api/v1/accounts") || path.startsWith("/api/v1/admin")
                ? "tver.admin" : "tver.coko";
    }
}
