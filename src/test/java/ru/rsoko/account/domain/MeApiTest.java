package ru.rsoko.account.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

@IntegrationTest
class MeApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void regionalStaffSeeTheirOrganisationAndRegionWithItsTimeZone() throws Exception {
        mvc.perform(get("/api/v1/me").with(api("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("tomsk.coko"))
                .andExpect(jsonPath("$.role").value("REGION"))
                .andExpect(jsonPath("$.orgUnit.type").value("INSTITUTION"))
                .andExpect(jsonPath("$.orgUnit.name").value(org.hamcrest.Matchers.containsString("Томский областной институт")))
                .andExpect(jsonPath("$.region.name").value("Томская область"))
                .andExpect(jsonPath("$.region.timeZone").value("Asia/Tomsk"));
    }

    @Test
    void aSchoolDirectorBelongsToTheSchoolOfSonkovo() throws Exception {
        mvc.perform(get("/api/v1/me").with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SCHOOL"))
                .andExpect(jsonPath("$.orgUnit.type").value("SCHOOL"))
                .andExpect(jsonPath("$.region.timeZone").value("Europe/Moscow"));
    }

    @Test
    void withoutCredentialsTheApiAnswers401InRussian() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Требуется вход")));
    }
}
