package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.vsoko.selfassessment.ValuesWorkbookDriver.fill;
import static ru.rsoko.vsoko.selfassessment.ValuesWorkbookDriver.row;
import static ru.rsoko.vsoko.selfassessment.ValuesWorkbookDriver.text;

/** A template downloaded, filled in Excel and uploaded back stores the values with their points, for the user's schools only. */
@IntegrationTest
class ValuesWorkbookRoundTripTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;

    ValuesWorkbookDriver driver;
    CampaignView campaign;

    @BeforeEach
    void setUp() {
        driver = new ValuesWorkbookDriver(mvc, users, jdbc);
        VsokoWorkbookFixtures fixtures = new VsokoWorkbookFixtures(frameworks, campaigns, jdbc, userDetails);
        long tver = fixtures.user("tver.coko").regionId();
        campaign = fixtures.openCampaign("tver.coko", fixtures.smallFramework(tver));
    }

    Map<String, Object> value(long schoolId, String code) {
        return jdbc.queryForMap("""
                select v.* from vsoko_value v join vsoko_submission s on s.id = v.submission_id
                join vsoko_indicator i on i.id = v.indicator_id
                where s.campaign_id = ? and s.school_id = ? and i.code = ?""", campaign.id(), schoolId, code);
    }

    Map<String, Object> submission(long schoolId) {
        return jdbc.queryForMap("select * from vsoko_submission where campaign_id = ? and school_id = ?", campaign.id(), schoolId);
    }

    @Test
    void aSchoolFillsItsTemplateAndTheValuesAreStoredWithTheirPoints() throws Exception {
        long school = driver.orgOf("sonkovo.school");
        byte[] template = driver.template("sonkovo.school", campaign.id());
        byte[] filled;
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(template)) {
            Sheet sheet = workbook.getSheet(ValuesWorkbook.SHEET);
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo(ValuesWorkbook.MARKER);
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(text(c)));
            assertThat(header).isEqualTo(ValuesWorkbook.HEADERS);
            assertThat(sheet.getLastRowNum()).as("one row per indicator of the school's own submission").isEqualTo(5);
            Row yesNo = row(sheet, school, "Н1.1");
            assertThat(text(yesNo.getCell(ValuesWorkbook.SCHOOL))).isEqualTo("МОУ «Берёзовская СОШ»");
            assertThat(text(yesNo.getCell(ValuesWorkbook.DIRECTION))).isEqualTo("Н1");
            assertThat(text(yesNo.getCell(ValuesWorkbook.TYPE))).isEqualTo("да / нет");
            assertThat(text(yesNo.getCell(ValuesWorkbook.LINK_REQUIRED))).isEqualTo("да");
            assertThat(text(row(sheet, school, "Н2.1").getCell(ValuesWorkbook.TYPE))).isEqualTo("процент 0–100");
            assertThat(text(row(sheet, school, "Н2.2").getCell(ValuesWorkbook.TYPE))).isEqualTo("один из вариантов: нет / частично / да");

            fill(sheet, school, "Н1.1", "да", "https://berezovskaya.example.ru/vsoko/polozhenie.pdf");
            fill(sheet, school, "Н1.2", 5, null);
            fill(sheet, school, "Н2.1", 85, null);
            fill(sheet, school, "Н2.2", "частично", null);
            filled = ValuesWorkbookDriver.bytes(workbook);
        }

        ValuesImportService.Summary summary = driver.accepted("sonkovo.school", campaign.id(), filled);
        assertThat(summary).isEqualTo(new ValuesImportService.Summary(1, 1, 4));

        assertThat((BigDecimal) value(school, "Н1.1").get("value")).isEqualByComparingTo("1");
        assertThat(value(school, "Н1.1").get("evidence_url")).isEqualTo("https://berezovskaya.example.ru/vsoko/polozhenie.pdf");
        assertThat((BigDecimal) value(school, "Н1.1").get("points")).isEqualByComparingTo("2");
        assertThat((BigDecimal) value(school, "Н1.2").get("points")).as("5 of the target 10: half of 4").isEqualByComparingTo("2");
        assertThat((BigDecimal) value(school, "Н2.1").get("points")).as("85 % of 5").isEqualByComparingTo("4.25");
        assertThat((BigDecimal) value(school, "Н2.2").get("value")).isEqualByComparingTo("2");
        assertThat((BigDecimal) value(school, "Н2.2").get("points")).isEqualByComparingTo("1");
        assertThat(value(school, "Н2.2").get("updated_by")).isEqualTo("sonkovo.school");
        assertThat(submission(school).get("status")).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForList("select action, detail, username from vsoko_submission_event where submission_id = ?",
                submission(school).get("id"))).containsExactly(Map.of("action", "UPLOADED",
                "detail", "загружено из Excel: изменено 4 значения", "username", "sonkovo.school"));

        // the next template holds the answers; uploaded unchanged it changes nothing, one correction changes one value
        byte[] again = driver.template("sonkovo.school", campaign.id());
        byte[] corrected;
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(again)) {
            Sheet sheet = workbook.getSheet(ValuesWorkbook.SHEET);
            assertThat(text(row(sheet, school, "Н1.1").getCell(ValuesWorkbook.VALUE))).isEqualTo("да");
            assertThat(text(row(sheet, school, "Н1.1").getCell(ValuesWorkbook.LINK)))
                    .isEqualTo("https://berezovskaya.example.ru/vsoko/polozhenie.pdf");
            assertThat(row(sheet, school, "Н1.2").getCell(ValuesWorkbook.VALUE).getNumericCellValue()).isEqualTo(5.0);
            assertThat(text(row(sheet, school, "Н2.2").getCell(ValuesWorkbook.VALUE))).isEqualTo("частично");
            assertThat(driver.accepted("sonkovo.school", campaign.id(), again))
                    .isEqualTo(new ValuesImportService.Summary(1, 0, 0));
            fill(sheet, school, "Н1.2", 12, null);
            row(sheet, school, "Н2.1").getCell(ValuesWorkbook.VALUE).setBlank();
            corrected = ValuesWorkbookDriver.bytes(workbook);
        }
        assertThat(driver.accepted("sonkovo.school", campaign.id(), corrected)).isEqualTo(new ValuesImportService.Summary(1, 1, 1));
        assertThat((BigDecimal) value(school, "Н1.2").get("points")).as("the target reached").isEqualByComparingTo("4");
        assertThat(value(school, "Н1.2").get("version")).isEqualTo(1L);
        assertThat((BigDecimal) value(school, "Н2.1").get("value")).as("an emptied cell changes nothing").isEqualByComparingTo("85");
        assertThat(jdbc.queryForObject("select count(*) from vsoko_submission_event where submission_id = ?", Long.class,
                submission(school).get("id"))).isEqualTo(2L);
    }

    @Test
    void aMunicipalityFillsAllItsSchoolsAndNoOtherMunicipalitysSchool() throws Exception {
        long sonkovo = driver.orgOf("sonkovo.mouo");
        long kalininSchool = driver.orgOf("kalinin.school");
        // other tests of the same database add schools to Сонковский: count what the campaign holds
        int count = jdbc.queryForObject("select count(*) from vsoko_submission where campaign_id = ? and municipality_id = ?",
                Integer.class, campaign.id(), sonkovo);
        assertThat(count).isGreaterThanOrEqualTo(7);
        byte[] template = driver.template("sonkovo.mouo", campaign.id());
        byte[] filled;
        Set<Long> schools = new HashSet<>();
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(template)) {
            Sheet sheet = workbook.getSheet(ValuesWorkbook.SHEET);
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                schools.add((long) sheet.getRow(r).getCell(ValuesWorkbook.SCHOOL_ID).getNumericCellValue());
            }
            assertThat(schools).hasSize(count);
            assertThat(jdbc.queryForList("select municipality_id from org_unit where id = any(?)", Long.class,
                    (Object) schools.toArray(Long[]::new))).containsOnly(sonkovo);
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + count * 4);
            int n = 1;
            for (long school : schools) {
                fill(sheet, school, "Н1.2", n++, null);
            }
            filled = ValuesWorkbookDriver.bytes(workbook);

            // a row of a Калининский school pasted in: refused, without telling whose school it is
            Row foreign = sheet.createRow(sheet.getLastRowNum() + 1);
            foreign.createCell(ValuesWorkbook.SCHOOL_ID).setCellValue(kalininSchool);
            foreign.createCell(ValuesWorkbook.CODE).setCellValue("Н1.2");
            foreign.createCell(ValuesWorkbook.VALUE).setCellValue(3);
            List<ImportError> errors = driver.rejected("sonkovo.mouo", campaign.id(), ValuesWorkbookDriver.bytes(workbook));
            assertThat(errors).containsExactly(new ImportError(foreign.getRowNum() + 1, "ID школы",
                    "школа с ID " + kalininSchool + " не найдена среди ваших школ — участниц кампании"));
        }
        assertThat(driver.accepted("sonkovo.mouo", campaign.id(), filled)).isEqualTo(new ValuesImportService.Summary(count, count, count));
        assertThat(jdbc.queryForObject("""
                select count(*) from vsoko_submission where campaign_id = ? and municipality_id = ? and status = 'IN_PROGRESS'""",
                Long.class, campaign.id(), sonkovo)).isEqualTo((long) count);
    }

    @Test
    void aSubmittedSelfAssessmentIsLeftOutOfTheTemplateAndRefusedOnUpload() throws Exception {
        long school = driver.orgOf("sonkovo.school");
        byte[] template = driver.template("sonkovo.school", campaign.id());
        byte[] filled;
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(template)) {
            fill(workbook.getSheet(ValuesWorkbook.SHEET), school, "Н1.2", 3, null);
            filled = ValuesWorkbookDriver.bytes(workbook);
        }
        jdbc.update("update vsoko_submission set status = 'SUBMITTED' where campaign_id = ? and school_id = ?",
                campaign.id(), school);

        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(driver.template("sonkovo.school", campaign.id()))) {
            assertThat(workbook.getSheet(ValuesWorkbook.SHEET).getLastRowNum()).as("headers only").isEqualTo(1);
        }
        assertThat(driver.rejected("sonkovo.school", campaign.id(), filled)).containsExactly(new ImportError(4, "ID школы",
                "самооценка школы «МОУ «Берёзовская СОШ»» (ID " + school + ") уже в состоянии «представлена»: изменения не принимаются"));
    }

    @Test
    void anotherRegionDoesNotFindTheCampaignAndAnAdministratorDoesNotFillIn() throws Exception {
        String base = "/vsoko/campaigns/" + campaign.id();
        mvc.perform(get(base + "/template.xlsx").with(users.page("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/upload").with(users.page("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(multipart(base + "/upload").file(new MockMultipartFile("file", "x.xlsx", XlsxDownload.CONTENT_TYPE,
                driver.template("tver.coko", campaign.id()))).with(csrf()).with(users.page("tomsk.coko")))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + "/template.xlsx").with(users.page("admin"))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/upload").with(users.page("sonkovo.school"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(base + "/template.xlsx")));
    }
}
