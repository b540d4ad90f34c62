package ru.rsoko.objectivity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An integration keeps the year's lists of schools entry by entry, with the rules of the list pages. */
@IntegrationTest
class SchoolListWriteApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void regionalStaffListASchoolChangeTheEntryMoveItToTheOtherListAndRemoveIt() throws Exception {
        long school = fixtures.org("МОУ «Заречная СОШ»").id();
        String body = "{\"schoolId\": %d, \"year\": 2093, \"kind\": \"NON_OBJECTIVE\", \"basis\": \"Признаки необъективности ВПР-2093\"}"
                .formatted(school);
        mvc.perform(post("/api/v1/school-lists").with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        MvcResult created = mvc.perform(post("/api/v1/school-lists").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.school.name").value("МОУ «Заречная СОШ»"))
                .andExpect(jsonPath("$.kind").value("NON_OBJECTIVE"))
                .andExpect(jsonPath("$.municipality.name").value("Сонковский"))
                .andReturn();
        long id = id(created);
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/school-lists/" + id);
        mvc.perform(post("/api/v1/school-lists").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.schoolId").value(org.hamcrest.Matchers.startsWith("Школа уже есть в списке")));
        // a school of another region is not found for Tver's staff
        mvc.perform(post("/api/v1/school-lists").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolId\": %d, \"year\": 2093, \"kind\": \"LOW_RESULTS\"}"
                                .formatted(fixtures.org("МБОУ «Средняя школа № 201»").id())))
                .andExpect(status().isNotFound());

        // the municipality reads its school's entry; another municipality and another region do not
        mvc.perform(get("/api/v1/school-lists/{id}", id).with(api("sonkovo.mouo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/school-lists/{id}", id).with(api("kalinin.mouo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/school-lists/{id}", id).with(api("tomsk.coko"))).andExpect(status().isNotFound());

        long version = version(created);
        String change = "{\"year\": 2093, \"kind\": \"NON_OBJECTIVE\", \"basis\": \"Перепроверка работ\", \"version\": %d}";
        mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                .content(change.formatted(version))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                .content(change.formatted(version))).andExpect(status().isNotFound());
        MvcResult changed = mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basis").value("Перепроверка работ"))
                .andReturn();
        mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));
        mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2093, \"kind\": \"NON_OBJECTIVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());

        // moved to the ШНОР list of the year
        MvcResult moved = mvc.perform(put("/api/v1/school-lists/{id}", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": 2093, \"kind\": \"LOW_RESULTS\", \"basis\": \"Низкие результаты\", \"version\": %d}"
                                .formatted(version(changed))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("LOW_RESULTS"))
                .andReturn();
        mvc.perform(get("/api/v1/school-lists").param("year", "2093").param("kind", "LOW_RESULTS").with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id))));

        mvc.perform(delete("/api/v1/school-lists/{id}", id).param("version", String.valueOf(version)).with(api("tver.coko")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/school-lists/{id}", id).param("version", String.valueOf(version(moved))).with(api("tver.coko")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/school-lists/{id}", id).with(api("tver.coko"))).andExpect(status().isNotFound());
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}
