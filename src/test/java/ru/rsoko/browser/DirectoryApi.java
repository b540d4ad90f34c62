package ru.rsoko.browser;

import com.jayway.jsonpath.JsonPath;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * What the journeys need to know beforehand (ids, how many schools there are now), read from the REST API
 * rather than assumed: other tests share the database and add organisations to it.
 */
final class DirectoryApi {

    private final MockMvc mvc;

    DirectoryApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** The id of the organisation of that type and exact name, as the user finds it. */
    long id(String username, String type, String name) {
        List<Map<String, Object>> content = JsonPath.read(body(username, "type", type, "q", name, "size", "500"),
                "$.content");
        return content.stream()
                .filter(unit -> name.equals(unit.get("name")))
                .map(unit -> ((Number) unit.get("id")).longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("API не нашёл " + type + " «" + name + "» для " + username));
    }

    /** How many active schools the user sees, optionally only those directly under one organisation. */
    long activeSchools(String username, Long parentId) {
        Number total = JsonPath.read(parentId == null
                ? body(username, "type", "SCHOOL", "active", "true", "size", "1")
                : body(username, "type", "SCHOOL", "active", "true", "size", "1", "parentId", parentId.toString()),
                "$.page.totalElements");
        return total.longValue();
    }

    /** GET /api/v1/org-units as the user (HTTP Basic, demo password) with parameters given as name, value, ... */
    private String body(String username, String... parameters) {
        MockHttpServletRequestBuilder request = get("/api/v1/org-units").with(api(username));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        try {
            return mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("Запрос к API справочника не удался: " + List.of(parameters), e);
        }
    }
}
