package ru.rsoko.plan;

import ru.rsoko.plan.domain.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** The plan-schedule as people and integrations see it: the demo Tver plan of 2021 and a plan kept on the pages. */
@IntegrationTest
class PlanPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanAccess plans;
    @Autowired
    PlanExecutionService planExecution;
    @Autowired
    java.time.Clock clock;

    long tverPlan() {
        return jdbc.queryForObject("""
                select p.id from plan p join org_unit r on r.id = p.region_id
                where r.name = 'Тверская область' and p.year = 2021""", Long.class);
    }

    @Test
    void theDemoTverPlanOf2021ShowsItsOrderAndComputedExecution() throws Exception {
        long id = tverPlan();
        mvc.perform(get("/plans/{id}", id).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("приказ Министерства образования Тверской области от 10.12.2020 № 1131/ПК")))
                .andExpect(content().string(containsString("Всероссийские проверочные работы в 4–8 классах")));
        // ten procedures: eight done on time, one late (РПР), one cancelled; the moved one was done on its new dates
        mvc.perform(get("/api/v1/plans/{id}", id).with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2021))
                .andExpect(jsonPath("$.order.issuer").value("Министерства образования Тверской области"))
                .andExpect(jsonPath("$.order.number").value("1131/ПК"))
                .andExpect(jsonPath("$.order.date").value("2020-12-10"))
                .andExpect(jsonPath("$.procedures.length()").value(10))
                .andExpect(jsonPath("$.procedures[0].id").isNumber())
                .andExpect(jsonPath("$.procedures[*].type", hasItem("VPR")))
                .andExpect(jsonPath("$.procedures[1].title").value("Всероссийские проверочные работы в 4–8 классах"))
                .andExpect(jsonPath("$.procedures[1].periodStart").value("2021-03-15"))
                .andExpect(jsonPath("$.procedures[1].periodEnd").value("2021-05-21"))
                .andExpect(jsonPath("$.procedures[1].status").value("DONE"))
                .andExpect(jsonPath("$.execution.total").value(10))
                .andExpect(jsonPath("$.execution.done").value(9))
                .andExpect(jsonPath("$.execution.doneOnTime").value(8))
                .andExpect(jsonPath("$.execution.late").value(1))
                .andExpect(jsonPath("$.execution.moved").value(0))
                .andExpect(jsonPath("$.execution.cancelled").value(1));
        // on 30 September 2021 the 10th-grade diagnostics stood moved and the autumn procedures were ahead
        mvc.perform(get("/api/v1/plans/{id}", id).param("asOf", "2021-09-30").with(api("tver.coko")))
                .andExpect(jsonPath("$.execution.moved").value(1))
                .andExpect(jsonPath("$.execution.doneOnTime").value(4))
                .andExpect(jsonPath("$.execution.late").value(1))
                .andExpect(jsonPath("$.execution.planned").value(4));
        mvc.perform(get("/api/v1/plans").param("year", "2021").with(api("sonkovo.mouo")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/plans").param("year", "2021").with(api("tomsk.coko")))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/plans/{id}", id).with(api("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}", id).with(users.page("seversk.mouo"))).andExpect(status().isNotFound());
    }

    @Test
    void homePagesShowTheLatestPlanAndAMunicipalOfficerTheirSchoolsUnderTheCoverageTarget() throws Exception {
        // the latest plan is the demo's live year: today's year in the region, by the application's clock
        long tver = jdbc.queryForObject("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'", Long.class);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow")));
        Plan current = plans.ofYear(tver, today.getYear()).orElseThrow();
        int onTime = planExecution.of(current, today).total().doneOnTime();
        assertThat(onTime).isPositive();
        mvc.perform(get("/").with(users.page("tver.coko")))
                .andExpect(content().string(containsString("План-график " + today.getYear() + " года")))
                .andExpect(content().string(containsString("выполнено в срок: " + onTime)))
                .andExpect(content().string(containsString("не выполнено в срок: 1")));
        // this year's ВПР (target 95 %): Заречная has 7 pupils absent; Лесновская: no data for grade 8 (demo participation)
        mvc.perform(get("/").with(users.page("sonkovo.mouo")))
                .andExpect(content().string(containsString("ниже целевого охвата 95 % — 2 ОО")))
                .andExpect(content().string(containsString("МОУ «Заречная СОШ»")))
                .andExpect(content().string(containsString("нет данных: 8 класс")));
        mvc.perform(get("/").with(users.page("kalinin.mouo")))
                .andExpect(content().string(not(containsString("МОУ «Заречная СОШ»"))));
    }

    @Test
    void theExecutionReportByMonthIsShownAsOfAnyDayAndDownloads() throws Exception {
        long id = tverPlan();
        mvc.perform(get("/plans/{id}/execution", id).param("asOf", "2021-12-31").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Май 2021")))
                .andExpect(content().string(containsString("Декабрь 2021")))
                .andExpect(content().string(containsString("Региональные проверочные работы по математике в 7 классах")));
        byte[] xlsx = mvc.perform(get("/plans/{id}/execution.xlsx", id).param("asOf", "2021-12-31").with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Итого за год");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(10);
            assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(8);
        }
    }

    @Test
    void regionalStaffKeepAPlanOnThePagesAndTheExecutionChanges() throws Exception {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        String staff = region.regionUser();
        String location = mvc.perform(post("/plans").with(users.page(staff)).with(csrf())
                        .param("year", "2026").param("orderIssuer", "Министерства образования Тестовой области")
                        .param("orderNumber", "77/ПК").param("orderDate", "2025-12-20"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long planId = Long.parseLong(location.substring("/plans/".length()));
        long rpr = fixtures.type("RPR").id();
        mvc.perform(post("/plans/{id}/procedures", planId).with(users.page(staff)).with(csrf())
                        .param("typeId", String.valueOf(rpr)).param("title", "РПР по математике")
                        .param("periodStart", "2026-02-02").param("periodEnd", "2026-02-13").param("grades", "7")
                        .param("participants", "ALL_SCHOOLS"))
                .andExpect(status().is3xxRedirection());
        // an empty end date is refused on the form with the message, and nothing is added
        mvc.perform(post("/plans/{id}/procedures", planId).with(users.page(staff)).with(csrf())
                        .param("typeId", String.valueOf(rpr)).param("periodStart", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Укажите окончание проведения")));
        long version = jdbc.queryForObject("select version from plan where id = ?", Long.class, planId);
        mvc.perform(post("/plans/{id}/approve", planId).with(users.page(staff)).with(csrf()).param("version", String.valueOf(version)))
                .andExpect(flash().attribute("message", "План-график утверждён"));
        long procedureId = jdbc.queryForObject("select id from plan_procedure where plan_id = ?", Long.class, planId);

        mvc.perform(get("/plans/{id}", planId).with(users.page(staff)))
                .andExpect(content().string(containsString("Не выполнено в срок")));
        long pv = jdbc.queryForObject("select version from plan_procedure where id = ?", Long.class, procedureId);
        mvc.perform(post("/procedures/{id}/status", procedureId).with(users.page(staff)).with(csrf())
                        .param("to", "DONE").param("on", "2026-02-13").param("version", String.valueOf(pv)))
                .andExpect(flash().attribute("message", "Процедура: выполнено"));
        mvc.perform(get("/api/v1/plans/{id}", planId).with(users.page(staff)))
                .andExpect(jsonPath("$.execution.doneOnTime").value(1))
                .andExpect(jsonPath("$.procedures[0].outcome").value("ON_TIME"));
        // the same form sent again carries the old version: refused with the conflict message
        mvc.perform(post("/procedures/{id}/status", procedureId).with(users.page(staff)).with(csrf())
                        .param("to", "IN_PROGRESS").param("version", String.valueOf(pv)))
                .andExpect(flash().attribute("error", containsString("изменил")));
        // a municipal officer of the region sees the approved plan but cannot change it
        mvc.perform(get("/procedures/{id}", procedureId).with(users.page(region.municipalityUser())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Отметить выполненной"))));
        mvc.perform(post("/procedures/{id}/status", procedureId).with(users.page(region.municipalityUser())).with(csrf())
                        .param("to", "PLANNED").param("version", String.valueOf(pv + 1)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select status from plan_procedure where id = ?", String.class, procedureId)).isEqualTo("DONE");
        assertThat(LocalDate.parse("2026-02-13")).isEqualTo(jdbc.queryForObject("select done_on from plan_procedure where id = ?",
                LocalDate.class, procedureId));
    }
}
