package ru.rsoko.vsoko.result;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignRepository;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.KALININ_SCHOOLS;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.SONKOVO_SCHOOLS;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.values;

/** The results' pages, workbooks and API: their shape, and who sees what when. */
@IntegrationTest
class ResultWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserDetailsService userDetails;

    VsokoResultFixtures vsoko;

    @BeforeEach
    void setUp() {
        vsoko = new VsokoResultFixtures(frameworks, campaigns, jdbc, fixtures, userDetails);
    }

    /** All 7 Sonkovo schools formed (100 %); in Kalinin one formed, one partial, one not submitted. */
    private Campaign campaign(CampaignStatus status) {
        Framework f = vsoko.typed();
        Campaign c = vsoko.campaign(f, status, null);
        for (String school : SONKOVO_SCHOOLS) {
            vsoko.submission(c, f, school, SubmissionStatus.ACCEPTED,
                    values("Y1", "1", "N1", "3", "N2", "1", "P1", "100", "C1", "3", "Y2", "1", "P2", "100"));
        }
        vsoko.submission(c, f, KALININ_SCHOOLS.get(0), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "N1", "3", "N2", "1", "P1", "100", "C1", "3", "Y2", "1", "P2", "50"));
        vsoko.submission(c, f, KALININ_SCHOOLS.get(1), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "N1", "3", "N2", "1", "P1", "100", "C1", "1", "Y2", "0", "P2", "100"));
        vsoko.submission(c, f, KALININ_SCHOOLS.get(2), SubmissionStatus.IN_PROGRESS, values("Y1", "1"));
        return c;
    }

    @Test
    void theApiByMunicipalityCountsSchoolsAtEachLevel() throws Exception {
        Campaign c = campaign(CampaignStatus.CLOSED);
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "municipality").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Сонковский')].schools").value(7))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Сонковский')].FORMED").value(7))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Сонковский')].PARTIAL").value(0))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Сонковский')].NOT_FORMED").value(0))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Сонковский')].formedShare").value(100.0))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].schools").value(2))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].FORMED").value(1))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].PARTIAL").value(1))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].NOT_FORMED").value(0))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].notSubmitted").value(1))
                .andExpect(jsonPath("$[?(@.orgUnit.name == 'Калининский')].orgUnit.id")
                        .value((int) vsoko.org("Калининский муниципальный округ").id()));
    }

    @Test
    void theApiBySchoolGivesLevelScoreAndDirectionsInPerCent() throws Exception {
        Campaign c = campaign(CampaignStatus.CLOSED);
        long partial = vsoko.org(KALININ_SCHOOLS.get(1)).id();
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(9)))
                .andExpect(jsonPath("$[*].orgUnit.name", not(hasItem(KALININ_SCHOOLS.get(2)))))
                // Н1: 4+6+2+8+0 («нет») = 20 of 24 = 83.3; Н2: 0+6 = 6 of 16 = 37.5; overall 26 of 40 = 65.0
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].level").value("PARTIAL"))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].score").value(65.0))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].directions[0].code").value("Н1"))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].directions[0].score").value(83.3))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].directions[0].level").value("FORMED"))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].directions[1].score").value(37.5))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].directions[1].level").value("NOT_FORMED"))
                .andExpect(jsonPath("$[?(@.orgUnit.id == " + partial + ")].orgUnit.name").value(KALININ_SCHOOLS.get(1)));
    }

    @Test
    void aWrongGroupingIsRefusedInRussianAndAnotherRegionGets404() throws Exception {
        Campaign c = campaign(CampaignStatus.PUBLISHED);
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "district").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Параметр by может быть")));
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("tomsk.coko")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("tomsk.coko")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results.xlsx", c.getId()).with(users.page("tomsk.coko")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), vsoko.org(SONKOVO_SCHOOLS.get(0)).id())
                        .with(users.page("tomsk.coko")))
                .andExpect(status().isNotFound());
    }

    @Test
    void municipalitiesAndSchoolsSeeResultsOnlyOncePublishedAndOnlyTheirOwn() throws Exception {
        Campaign c = campaign(CampaignStatus.CLOSED);
        long own = vsoko.org(SONKOVO_SCHOOLS.get(0)).id();
        long neighbour = vsoko.org(SONKOVO_SCHOOLS.get(1)).id();
        long kalininSchool = vsoko.org(KALININ_SCHOOLS.get(0)).id();
        long kalinin = vsoko.org("Калининский муниципальный округ").id();
        long sonkovo = vsoko.org("Сонковский муниципальный округ").id();

        // before publishing: the region sees preliminary results, the others nothing
        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("предварительные")));
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), own).with(users.page("sonkovo.school")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("sonkovo.school")))
                .andExpect(status().isNotFound());

        vsoko.status(c, CampaignStatus.PUBLISHED);

        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(7)))
                .andExpect(jsonPath("$[*].orgUnit.name", containsInAnyOrder(SONKOVO_SCHOOLS.toArray())))
                .andExpect(jsonPath("$[*].municipality.id", everyItem(is((int) sonkovo))));
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "municipality").with(api("sonkovo.mouo")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit.name").value("Сонковский"));
        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Сформированность ВСОКО показали 7 ОО из 7 (100,0 %)")))
                .andExpect(content().string(not(containsString("предварительные"))))
                .andExpect(content().string(not(containsString(KALININ_SCHOOLS.get(0)))));
        mvc.perform(get("/vsoko/campaigns/{id}/results/municipalities/{m}", c.getId(), kalinin).with(users.page("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/municipalities/{m}.xlsx", c.getId(), kalinin).with(users.page("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), kalininSchool).with(users.page("sonkovo.mouo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), own).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk());

        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("sonkovo.school")))
                .andExpect(redirectedUrl("/vsoko/campaigns/" + c.getId() + "/results/schools/" + own));
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), own).with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("сформирована")))
                .andExpect(content().string(containsString("100 %")));
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), neighbour).with(users.page("sonkovo.school")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/{id}/results/municipalities/{m}", c.getId(), sonkovo).with(users.page("sonkovo.school")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("sonkovo.school")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit.id").value((int) own));
    }

    @Test
    void theRegionsPagesShowTheComputedFiguresAndEveryTableDownloads() throws Exception {
        Campaign c = campaign(CampaignStatus.PUBLISHED);
        long kalinin = vsoko.org("Калининский муниципальный округ").id();
        long partial = vsoko.org(KALININ_SCHOOLS.get(1)).id();
        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Сформированность ВСОКО показали 8 ОО из 9 (88,9 %)")))
                .andExpect(content().string(containsString("/results/municipalities/" + kalinin)));
        mvc.perform(get("/vsoko/campaigns/{id}/results/municipalities/{m}", c.getId(), kalinin).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Сформированность ВСОКО показали 1 ОО из 2 (50,0 %)")))
                .andExpect(content().string(containsString("не представила")))
                .andExpect(content().string(containsString(
                        ">Н2. Внутришкольная система профилактики учебной неуспешности, %</th>")));
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), partial).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Что улучшить в первую очередь")))
                .andExpect(content().string(containsString("Есть программа профилактики")));

        List<List<String>> region = sheet("/vsoko/campaigns/" + c.getId() + "/results.xlsx");
        assertThat(region.getFirst()).startsWith("Муниципалитет", "Школ", "Представили", "Не представили");
        assertThat(region).anySatisfy(row -> assertThat(row).startsWith("Калининский", "3", "2", "1", "1", "50"));
        assertThat(region.getLast()).startsWith("Итого", "10", "9", "1", "8");

        List<List<String>> municipality = sheet("/vsoko/campaigns/" + c.getId() + "/results/municipalities/" + kalinin + ".xlsx");
        assertThat(municipality).hasSize(4);
        assertThat(municipality).anySatisfy(row -> assertThat(row).contains(KALININ_SCHOOLS.get(1), "65", "83.3", "37.5"));

        List<List<String>> schools = sheet("/vsoko/campaigns/" + c.getId() + "/results/schools.xlsx");
        assertThat(schools).hasSize(11);
        // a direction's column names it, in the workbook as on the page: not «Н1, %» with the name in a tooltip
        assertThat(schools.getFirst()).contains("Н1. Система оценки качества подготовки обучающихся, %",
                "Н2. Внутришкольная система профилактики учебной неуспешности, %", "Итого, %");
        assertThat(region.getFirst()).contains("Н1. Система оценки качества подготовки обучающихся, %");

        List<List<String>> school = sheet("/vsoko/campaigns/" + c.getId() + "/results/schools/" + partial + ".xlsx");
        assertThat(school.get(1)).startsWith("Итого", "частично сформирована", "65");
    }

    @Test
    void thePagesAndTheApiShowTheChangeAgainstThePreviousCampaign() throws Exception {
        Framework before = vsoko.previousYear();
        Campaign previous = vsoko.campaign(before, CampaignStatus.PUBLISHED, null);
        vsoko.submission(previous, before, SONKOVO_SCHOOLS.get(0), SubmissionStatus.ACCEPTED, values("y1", "0", "P1", "50"));
        Framework now = vsoko.typed();
        Campaign c = vsoko.campaign(now, CampaignStatus.PUBLISHED, previous);
        vsoko.submission(c, now, SONKOVO_SCHOOLS.get(0), SubmissionStatus.ACCEPTED, values("Y1", "1", "P1", "100"));
        long school = vsoko.org(SONKOVO_SCHOOLS.get(0)).id();
        long sonkovo = vsoko.org("Сонковский муниципальный округ").id();

        mvc.perform(get("/vsoko/campaigns/{id}/results", c.getId()).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("по 2 показателям, которые есть в обоих наборах")))
                .andExpect(content().string(containsString("+66,7")));
        mvc.perform(get("/vsoko/campaigns/{id}/results/municipalities/{m}", c.getId(), sonkovo).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не сформирована → сформирована")));
        mvc.perform(get("/vsoko/campaigns/{id}/results/schools/{s}", c.getId(), school).with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("33,3 % → 100 %")));
        mvc.perform(get("/api/v1/vsoko/campaigns/{id}/results", c.getId()).param("by", "school").with(api("sonkovo.school")))
                .andExpect(jsonPath("$[0].previousScore").value(33.3))
                .andExpect(jsonPath("$[0].comparedScore").value(100.0))
                .andExpect(jsonPath("$[0].previousLevel").value("NOT_FORMED"));
    }

    private List<List<String>> sheet(String url) throws Exception {
        byte[] body = mvc.perform(get(url).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XlsxDownload.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    var cell = row.getCell(i);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> {
                            double d = cell.getNumericCellValue();
                            yield d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
                        }
                        default -> cell.toString();
                    });
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
