package ru.rsoko.vsoko.framework;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.VsokoDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An integration builds a framework through the API as regional staff do on the framework pages. */
@IntegrationTest
class FrameworkWriteApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void regionalStaffBuildAFrameworkChangeItCopyItAndTakeParts() throws Exception {
        String name = Fixtures.unique("Набор ВСОКО через API");
        mvc.perform(post("/api/v1/vsoko/frameworks").with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"year\": 2026}".formatted(name))).andExpect(status().isForbidden());
        MvcResult created = mvc.perform(post("/api/v1/vsoko/frameworks").with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"%s\", \"year\": 2026}".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.directions").isEmpty())
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.thresholds.formed").value(75))
                .andReturn();
        long id = id(created);
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/vsoko/frameworks/" + id);
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tomsk.coko"))).andExpect(status().isNotFound());

        // a direction and a choice indicator
        MvcResult direction = mvc.perform(post("/api/v1/vsoko/frameworks/{id}/directions", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"1\", \"name\": \"Оценка подготовки обучающихся\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("1"))
                .andReturn();
        long directionId = id(direction);
        assertThat(direction.getResponse().getHeader("Location"))
                .endsWith("/api/v1/vsoko/frameworks/" + id + "/directions/" + directionId);
        mvc.perform(post("/api/v1/vsoko/frameworks/{id}/directions", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"1\", \"name\": \"Ещё одно\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("Направление с кодом «1» в наборе уже есть"));
        MvcResult indicator = mvc.perform(post("/api/v1/vsoko/frameworks/{id}/directions/{d}/indicators", id, directionId)
                        .with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON).content("""
                                {"code": "1.01", "wording": "Программа работы с неуспевающими", "valueType": "CHOICE",
                                 "options": [{"label": "нет", "points": 0}, {"label": "частично", "points": 1},
                                             {"label": "да", "points": 3}], "evidenceRequired": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.points").value(3))
                .andExpect(jsonPath("$.options.length()").value(3))
                .andExpect(jsonPath("$.evidenceRequired").value(true))
                .andReturn();
        long indicatorId = id(indicator);
        assertThat(indicator.getResponse().getHeader("Location"))
                .endsWith("/api/v1/vsoko/frameworks/" + id + "/indicators/" + indicatorId);
        mvc.perform(post("/api/v1/vsoko/frameworks/{id}/directions/{d}/indicators", id, directionId).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"1.02\", \"wording\": \"Выбор\", \"valueType\": \"CHOICE\", \"options\": [{\"label\": \"да\", \"points\": 1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.options").value("Для выбора из вариантов укажите хотя бы два варианта «вариант = баллы»."));

        // the indicator changes with its version; a stale one is a conflict
        String change = "{\"code\": \"1.01\", \"wording\": \"Положение о ВСОКО\", \"valueType\": \"YES_NO\", \"points\": 2, \"version\": %d}";
        MvcResult changed = mvc.perform(put("/api/v1/vsoko/frameworks/{id}/indicators/{i}", id, indicatorId).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version(indicator))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valueType").value("YES_NO"))
                .andExpect(jsonPath("$.options").isEmpty())
                .andReturn();
        assertThat(version(changed)).isGreaterThan(version(indicator));
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}/indicators/{i}", id, indicatorId).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version(indicator))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}/directions/{d}", id, directionId).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"1\", \"name\": \"Система оценки подготовки\", \"version\": %d}".formatted(version(direction))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Система оценки подготовки"));

        // the framework's thresholds; another region's staff do not reach it
        String thresholds = "{\"name\": \"%s\", \"year\": 2026, \"thresholds\": {\"formed\": 80, \"partial\": 55}, \"version\": %d}";
        long frameworkVersion = version(mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko"))).andReturn());
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}", id).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                .content(thresholds.formatted(name, frameworkVersion))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(thresholds.formatted(name, frameworkVersion)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thresholds.formed").value(80))
                .andExpect(jsonPath("$.thresholds.partial").value(55));
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(thresholds.formatted(name, frameworkVersion)))
                .andExpect(status().isConflict());

        // a copy is a new framework with the same parts
        MvcResult copy = mvc.perform(post("/api/v1/vsoko/frameworks/{id}/copy", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"%s (2027)\", \"year\": 2027}".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(2027))
                .andExpect(jsonPath("$.directions[0].indicators[0].code").value("1.01"))
                .andReturn();
        assertThat(id(copy)).isNotEqualTo(id);

        // parts go: the indicator, then the direction
        long indicatorVersion = version(mvc.perform(get("/api/v1/vsoko/frameworks/{id}/indicators/{i}", id, indicatorId)
                .with(api("sonkovo.school"))).andExpect(status().isOk()).andReturn());
        mvc.perform(delete("/api/v1/vsoko/frameworks/{id}/indicators/{i}", id, indicatorId)
                        .param("version", String.valueOf(indicatorVersion)).with(api("tver.coko")))
                .andExpect(status().isNoContent());
        long directionVersion = version(mvc.perform(get("/api/v1/vsoko/frameworks/{id}/directions/{d}", id, directionId)
                .with(api("tver.coko"))).andExpect(jsonPath("$.indicators").isEmpty()).andReturn());
        mvc.perform(delete("/api/v1/vsoko/frameworks/{id}/directions/{d}", id, directionId)
                        .param("version", String.valueOf(directionVersion)).with(api("tver.coko")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko")))
                .andExpect(jsonPath("$.directions").isEmpty());
    }

    @Test
    void aFrameworkAnOpenedCampaignUsesIsNotChanged() throws Exception {
        long demo = jdbc.queryForObject("select id from vsoko_framework where name = ?", Long.class, VsokoDemoData.FRAMEWORK_2022);
        MvcResult read = mvc.perform(get("/api/v1/vsoko/frameworks/{id}", demo).with(api("tver.coko")))
                .andExpect(jsonPath("$.locked").value(true)).andReturn();
        mvc.perform(put("/api/v1/vsoko/frameworks/{id}", demo).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Другое\", \"year\": 2022, \"version\": %d}".formatted(version(read))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Набор показателей уже используется в начатой кампании")));
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}
