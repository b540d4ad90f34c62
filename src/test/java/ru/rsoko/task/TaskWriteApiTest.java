package ru.rsoko.task;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An integration keeps the region's tasks of a year as regional staff do on the tasks page. */
@IntegrationTest
class TaskWriteApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void regionalStaffAddChangeReorderAndDeleteTheYearsTasks() throws Exception {
        mvc.perform(post("/api/v1/tasks").with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Задача МОУО\", \"year\": 2094}")).andExpect(status().isForbidden());
        MvcResult first = create("Обеспечить охват ВПР", "\"metric\": \"VPR_COVERAGE\", \"target\": 95");
        assertThat(first.getResponse().getHeader("Location")).endsWith("/api/v1/tasks/" + id(first));
        MvcResult second = create("Снизить долю школ с признаками необъективности", "\"target\": null");
        mvc.perform(post("/api/v1/tasks").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Цель без показателя\", \"target\": 50, \"year\": 2094}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.target")
                        .value("Цель в процентах ставится на показатель: выберите показатель или очистите цель"));
        mvc.perform(get("/api/v1/tasks").param("year", "2094").with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains((int) id(first), (int) id(second))));
        mvc.perform(get("/api/v1/tasks/{id}", id(first)).with(api("tomsk.coko"))).andExpect(status().isNotFound());

        String change = "{\"text\": \"Обеспечить охват ВПР не ниже 97 %%\", \"metric\": \"VPR_COVERAGE\", \"target\": 97, \"version\": %d}";
        mvc.perform(put("/api/v1/tasks/{id}", id(first)).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                .content(change.formatted(version(first)))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/tasks/{id}", id(first)).with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                .content(change.formatted(version(first)))).andExpect(status().isForbidden());
        MvcResult changed = mvc.perform(put("/api/v1/tasks/{id}", id(first)).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version(first))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(97))
                .andExpect(jsonPath("$.year").value(2094))
                .andReturn();
        assertThat(version(changed)).isGreaterThan(version(first));
        mvc.perform(put("/api/v1/tasks/{id}", id(first)).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(version(first))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));

        // the second goes up: it is number 1 now
        mvc.perform(post("/api/v1/tasks/{id}/move", id(second)).param("direction", "UP").param("version", String.valueOf(version(second)))
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value(1));
        long firstVersion = version(mvc.perform(get("/api/v1/tasks/{id}", id(first)).with(api("tver.coko")))
                .andExpect(jsonPath("$.position").value(2)).andReturn());
        mvc.perform(delete("/api/v1/tasks/{id}", id(first)).param("version", String.valueOf(version(first))).with(api("tver.coko")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/tasks/{id}", id(first)).param("version", String.valueOf(firstVersion)).with(api("tver.coko")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tasks").param("year", "2094").with(api("tver.coko")))
                .andExpect(jsonPath("$[*].id").value(contains((int) id(second))));
    }

    private MvcResult create(String text, String rest) throws Exception {
        return mvc.perform(post("/api/v1/tasks").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"%s\", %s, \"year\": 2094}".formatted(text, rest)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value(text))
                .andReturn();
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}
