package ru.rsoko.vsoko.framework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.VsokoDemoData;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** The framework API: the shape outside checks rely on, and a region's frameworks for that region only. */
@IntegrationTest
class FrameworkApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    long demo2022() {
        return jdbc.queryForObject("select id from vsoko_framework where name = ?", Long.class, VsokoDemoData.FRAMEWORK_2022);
    }

    @Test
    void aFrameworkComesWholeWithDirectionsIndicatorsOptionsAndThresholds() throws Exception {
        long id = demo2022();
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value(VsokoDemoData.FRAMEWORK_2022))
                .andExpect(jsonPath("$.year").value(2022))
                .andExpect(jsonPath("$.sample").value(true))
                .andExpect(jsonPath("$.thresholds.formed").value(75.00))
                .andExpect(jsonPath("$.thresholds.partial").value(50.00))
                .andExpect(jsonPath("$.directions.length()").value(6))
                .andExpect(jsonPath("$.directions[*].indicatorCount").value(org.hamcrest.Matchers.contains(20, 23, 18, 33, 28, 67)))
                .andExpect(jsonPath("$.directions[0].code").value("1"))
                .andExpect(jsonPath("$.directions[0].name").value("Система оценки качества подготовки обучающихся"))
                .andExpect(jsonPath("$.directions[0].indicators[0].code").value("1.01"))
                .andExpect(jsonPath("$.directions[0].indicators[0].valueType").value("YES_NO"))
                .andExpect(jsonPath("$.directions[0].indicators[0].points").value(1.0))
                .andExpect(jsonPath("$.directions[0].indicators[0].evidenceRequired").value(true))
                .andExpect(jsonPath("$.directions[0].indicators[0].options").isEmpty())
                .andExpect(jsonPath("$.directions[0].indicators[3].valueType").value("PERCENT"))
                .andExpect(jsonPath("$.directions[0].indicators[6].valueType").value("CHOICE"))
                .andExpect(jsonPath("$.directions[0].indicators[6].options[0].label").value("да, в полном объёме"))
                .andExpect(jsonPath("$.directions[0].indicators[6].options[0].points").value(2.0))
                .andExpect(jsonPath("$.directions[0].indicators[9].valueType").value("NUMBER"))
                .andExpect(jsonPath("$.directions[0].indicators[9].target").value(4.0))
                .andExpect(jsonPath("$.directions[5].indicators[66].code").value("6.67"));
    }

    @Test
    void theListIsTheRegionsOwnAndAnotherRegionsFrameworkIsNotFound() throws Exception {
        long id = demo2022();
        mvc.perform(get("/api/v1/vsoko/frameworks").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(hasItem(VsokoDemoData.FRAMEWORK_2022)))
                .andExpect(jsonPath("$[?(@.name == '" + VsokoDemoData.FRAMEWORK_2022 + "')].indicatorCount").value(hasItem(189)))
                .andExpect(jsonPath("$[?(@.name == '" + VsokoDemoData.FRAMEWORK_2022 + "')].locked").value(hasItem(true)));
        mvc.perform(get("/api/v1/vsoko/frameworks").with(api("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(not(hasItem(VsokoDemoData.FRAMEWORK_2022))));
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tomsk.coko")))
                .andExpect(status().isNotFound());
        // a school and a municipality of the region read it
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("sonkovo.school"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("kalinin.mouo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/vsoko/frameworks/{id}", Long.MAX_VALUE).with(api("tver.coko")))
                .andExpect(status().isNotFound());
    }
}
