package ru.rsoko.vsoko.campaign;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An integration runs a ВСОКО campaign's course through the API: prepared, opened, closed, published. */
@IntegrationTest
class CampaignWriteApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService users;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void regionalStaffPrepareACampaignOpenItCloseItAndPublishItsResults() throws Exception {
        VsokoFixtures vsoko = new VsokoFixtures(frameworks, campaigns, users, new TransactionTemplate(transactions));
        long framework = vsoko.framework("tver.coko").getId();
        String name = Fixtures.unique("Исследование ВСОКО через API");
        String body = """
                {"name": "%s", "year": 2026, "frameworkId": %d, "opensOn": "2026-10-01", "closesOn": "2026-10-31",
                 "allSchools": true}""".formatted(name, framework);
        mvc.perform(post("/api/v1/vsoko/campaigns").with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/vsoko/campaigns").with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/vsoko/campaigns").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"closesOn\": \"2026-10-31\"", "\"closesOn\": \"2026-09-30\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.closesOn").value("Дата окончания раньше даты начала"));
        MvcResult created = mvc.perform(post("/api/v1/vsoko/campaigns").with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.framework.id").value(framework))
                .andReturn();
        long id = id(created);
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/vsoko/campaigns/" + id);
        // a campaign in preparation is its region's staff's alone
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}", id).with(api("sonkovo.mouo"))).andExpect(status().isNotFound());

        String change = """
                {"name": "%s", "year": 2026, "frameworkId": %d, "opensOn": "2026-10-01", "closesOn": "2026-11-15",
                 "allSchools": true, "version": %d}""";
        MvcResult changed = mvc.perform(put("/api/v1/vsoko/campaigns/{id}", id).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(name, framework, version(created))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closesOn").value("2026-11-15"))
                .andReturn();
        mvc.perform(put("/api/v1/vsoko/campaigns/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(name, framework, version(created))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));
        mvc.perform(put("/api/v1/vsoko/campaigns/{id}", id).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(name, framework, version(changed))))
                .andExpect(status().isNotFound());

        // results are published only once the reception is closed
        mvc.perform(post("/api/v1/vsoko/campaigns/{id}/publish", id).param("version", String.valueOf(version(changed)))
                        .with(api("tver.coko")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Кампания в состоянии «подготовка» не может перейти в «результаты опубликованы»"));
        MvcResult opened = mvc.perform(post("/api/v1/vsoko/campaigns/{id}/open", id).param("version", String.valueOf(version(changed)))
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn();
        // now the municipality sees it, but the course is the region's
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}", id).with(api("sonkovo.mouo"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/vsoko/campaigns/{id}/close", id).param("version", String.valueOf(version(opened)))
                .with(api("sonkovo.mouo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/vsoko/campaigns/{id}/close", id).param("version", String.valueOf(version(changed)))
                .with(api("tver.coko"))).andExpect(status().isConflict());
        MvcResult closed = mvc.perform(post("/api/v1/vsoko/campaigns/{id}/close", id).param("version", String.valueOf(version(opened)))
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andReturn();
        MvcResult published = mvc.perform(post("/api/v1/vsoko/campaigns/{id}/publish", id).param("version", String.valueOf(version(closed)))
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andReturn();
        // the publication is withdrawn by closing again
        mvc.perform(post("/api/v1/vsoko/campaigns/{id}/close", id).param("version", String.valueOf(version(published)))
                        .with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}
