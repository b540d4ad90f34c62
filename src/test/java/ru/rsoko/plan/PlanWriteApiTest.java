package ru.rsoko.plan;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An integration keeps the plan-schedule through the API as regional staff do on the pages, with the same rules. */
@IntegrationTest
class PlanWriteApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;

    @Test
    void regionalStaffDraftAPlanAddAProcedureApproveItAndCarryItOut() throws Exception {
        int year = PlanFixtures.freshYear();
        MvcResult created = mvc.perform(post("/api/v1/plans").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"year": %d, "order": {"issuer": "Министерства образования Тверской области", "number": "15/ПК"}}"""
                                .formatted(year)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.title").value("План-график проведения мониторинга качества образования на " + year + " год"))
                .andExpect(jsonPath("$.procedures").isEmpty())
                .andReturn();
        long plan = id(created);
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/plans/" + plan);
        long version = version(created);

        // a draft is the region's staff's own: a municipality does not see it, another region neither
        mvc.perform(get("/api/v1/plans/{id}", plan).with(api("sonkovo.mouo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/{id}", plan).with(api("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/plans/{id}", plan).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": %d, \"version\": %d}".formatted(year, version))).andExpect(status().isNotFound());
        // one plan a year
        mvc.perform(post("/api/v1/plans").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": %d}".formatted(year)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.year").value("План-график на " + year + " год уже есть: откройте его"));

        // the order's date is added: a new version; the old one is a conflict, a missing one a field error
        MvcResult changed = mvc.perform(put("/api/v1/plans/{id}", plan).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"year": %d, "title": "План-график %d", "order": {"issuer": "Министерства образования Тверской области",
                                 "number": "15/ПК", "date": "%d-12-20"}, "version": %d}""".formatted(year, year, year - 1, version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("План-график " + year))
                .andExpect(jsonPath("$.order.date").value((year - 1) + "-12-20"))
                .andReturn();
        long newVersion = version(changed);
        assertThat(newVersion).isGreaterThan(version);
        mvc.perform(put("/api/v1/plans/{id}", plan).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": %d, \"title\": \"Старое\", \"version\": %d}".formatted(year, version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));
        mvc.perform(put("/api/v1/plans/{id}", plan).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": %d}".formatted(year)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());

        // nothing to approve yet
        mvc.perform(post("/api/v1/plans/{id}/approve", plan).param("version", String.valueOf(newVersion)).with(api("tver.coko")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("В плане-графике нет ни одной процедуры"));

        long vpr = planFixtures.type("VPR").id();
        mvc.perform(post("/api/v1/plans/{id}/procedures", plan).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"typeId\": %d, \"periodEnd\": \"%d-04-30\"}".formatted(vpr, year)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.periodStart").value("Укажите начало проведения"));
        MvcResult added = mvc.perform(post("/api/v1/plans/{id}/procedures", plan).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"typeId": %d, "periodStart": "%d-03-15", "periodEnd": "%d-04-30", "grades": [4, 5, 6],
                                 "subjects": "русский язык, математика", "coverageTarget": 95}""".formatted(vpr, year, year)))
                .andExpect(status().isCreated())
                .andReturn();
        long procedure = id(added);
        assertThat(added.getResponse().getHeader("Location")).endsWith("/api/v1/procedures/" + procedure);
        mvc.perform(get("/api/v1/procedures/{id}", procedure).with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.planId").value(plan))
                .andExpect(jsonPath("$.type").value("VPR"))
                .andExpect(jsonPath("$.grades").value(org.hamcrest.Matchers.contains(4, 5, 6)))
                .andExpect(jsonPath("$.coverageTarget").value(95))
                .andExpect(jsonPath("$.status").value("PLANNED"));

        // approved by its order; an approved plan stays
        long planVersion = version(mvc.perform(get("/api/v1/plans/{id}", plan).with(api("tver.coko"))).andReturn());
        mvc.perform(post("/api/v1/plans/{id}/approve", plan).param("version", String.valueOf(planVersion)).with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.procedures.length()").value(1));
        planVersion = version(mvc.perform(get("/api/v1/plans/{id}", plan).with(api("tver.coko"))).andReturn());
        mvc.perform(delete("/api/v1/plans/{id}", plan).param("version", String.valueOf(planVersion)).with(api("tver.coko")))
                .andExpect(status().isConflict());
        // now every role of the region reads it, but only regional staff change it
        mvc.perform(get("/api/v1/procedures/{id}", procedure).with(api("sonkovo.school"))).andExpect(status().isOk());
        long procedureVersion = version(added);
        mvc.perform(post("/api/v1/procedures/{id}/status", procedure).with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\": \"IN_PROGRESS\", \"version\": %d}".formatted(procedureVersion)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/procedures/{id}/status", procedure).with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\": \"IN_PROGRESS\", \"version\": %d}".formatted(procedureVersion)))
                .andExpect(status().isNotFound());

        // under way, then moved to new dates; a stale version is a conflict
        MvcResult started = mvc.perform(post("/api/v1/procedures/{id}/status", procedure).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\": \"IN_PROGRESS\", \"version\": %d}".formatted(procedureVersion)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andReturn();
        mvc.perform(post("/api/v1/procedures/{id}/status", procedure).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\": \"PLANNED\", \"version\": %d}".formatted(procedureVersion)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/procedures/{id}/status", procedure).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"to": "MOVED", "movedStart": "%d-05-12", "movedEnd": "%d-05-20", "reason": "Совпадение с ГИА",
                                 "version": %d}""".formatted(year, year, version(started))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MOVED"))
                .andExpect(jsonPath("$.movedStart").value(year + "-05-12"));

        // its fields change with the current version; a procedure of an approved plan is not deleted
        MvcResult current = mvc.perform(get("/api/v1/procedures/{id}", procedure).with(api("tver.coko"))).andReturn();
        MvcResult edited = mvc.perform(put("/api/v1/procedures/{id}", procedure).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"typeId": %d, "title": "ВПР весной", "periodStart": "%d-03-15", "periodEnd": "%d-04-30",
                                 "grades": [4, 5], "version": %d}""".formatted(vpr, year, year, version(current))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("ВПР весной"))
                .andExpect(jsonPath("$.grades").value(org.hamcrest.Matchers.contains(4, 5)))
                .andReturn();
        mvc.perform(delete("/api/v1/procedures/{id}", procedure).param("version", String.valueOf(version(edited)))
                        .with(api("tver.coko")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Процедуру утверждённого плана-графика не удаляют: отметьте её отменённой с причиной"));
    }

    @Test
    void aDraftAndItsProcedureAreDeleted() throws Exception {
        int year = PlanFixtures.freshYear();
        MvcResult created = mvc.perform(post("/api/v1/plans").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\": %d}".formatted(year)))
                .andExpect(status().isCreated()).andReturn();
        long plan = id(created);
        MvcResult added = mvc.perform(post("/api/v1/plans/{id}/procedures", plan).with(api("tver.coko"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"typeId": %d, "periodStart": "%d-03-15", "periodEnd": "%d-04-30"}"""
                                .formatted(planFixtures.type("VPR").id(), year, year)))
                .andExpect(status().isCreated()).andReturn();
        mvc.perform(delete("/api/v1/procedures/{id}", id(added)).param("version", String.valueOf(version(added)))
                        .with(api("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/procedures/{id}", id(added)).param("version", String.valueOf(version(added)))
                        .with(api("tver.coko")))
                .andExpect(status().isNoContent());
        long version = version(mvc.perform(get("/api/v1/plans/{id}", plan).with(api("tver.coko")))
                .andExpect(jsonPath("$.procedures").isEmpty()).andReturn());
        mvc.perform(delete("/api/v1/plans/{id}", plan).with(api("tver.coko"))).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/plans/{id}", plan).param("version", String.valueOf(version)).with(api("tver.coko")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/plans/{id}", plan).with(api("tver.coko"))).andExpect(status().isNotFound());
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}
