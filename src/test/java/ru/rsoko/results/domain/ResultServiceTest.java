package ru.rsoko.results.domain;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Results of a procedure in a fresh region: school A (20 participants) and B (10) of one municipality, C (10) of
 * another, mathematics grade 5. Figures by hand: the municipality 30 participants «2» 3, «3» 12, «4» 9, «5» 6; the
 * region 40: 8, 15, 10, 7 — «2» 20,0 %, «5» 17,5 %, quality 17 of 40 = 42,5 %.
 */
@IntegrationTest
class ResultServiceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    PlanFixtures.TestRegion t;
    Procedure vpr;
    long a, b, c;

    @BeforeEach
    void setUp() {
        t = fixtures.freshRegion();
        Plan plan = fixtures.plan(t.region().id(), 2021, true);
        vpr = fixtures.vpr(plan, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 5, 21));
        a = t.school().id();
        b = t.otherSchool().id();
        c = t.schoolOfOtherMunicipality().id();
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    private String row(long school, String subject, int participants, int m2, int m3, int m4, int m5, String comparison,
                       String version) {
        return "{\"schoolId\":" + school + ",\"grade\":5,\"subject\":\"" + subject + "\",\"participants\":" + participants
                + ",\"marks\":{\"2\":" + m2 + ",\"3\":" + m3 + ",\"4\":" + m4 + ",\"5\":" + m5 + "},\"meanScore\":12.5"
                + comparison + ",\"version\":" + version + "}";
    }

    private org.springframework.test.web.servlet.ResultActions putRows(String username, String... rows) throws Exception {
        return mvc.perform(put("/api/v1/procedures/" + vpr.id() + "/results").with(as(username)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[" + String.join(",", rows) + "]}"));
    }

    private void threeSchools() throws Exception {
        putRows(t.regionUser(),
                row(a, "MATHEMATICS", 20, 2, 8, 6, 4, ",\"lowered\":2,\"confirmed\":16,\"raised\":2", "null"),
                row(b, "Математика", 10, 1, 4, 3, 2, "", "null"),
                row(c, "матем.", 10, 5, 3, 1, 1, "", "null"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from procedure_result where procedure_id = ?", Integer.class, vpr.id());
    }

    @Test
    void regionalStaffPutRowsAndEachRoleReadsItsScopeWithTheRegionsTotals() throws Exception {
        threeSchools();
        assertThat(jdbc.queryForObject("select year || ' ' || procedure_type from procedure_result where school_id = ?",
                String.class, a)).isEqualTo("2021 VPR");
        String api = "/api/v1/results?procedureId=" + vpr.id();
        mvc.perform(get(api + "&by=region").with(as(t.schoolUser())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit.id").value(t.region().id()))
                .andExpect(jsonPath("$[0].subject").value("MATHEMATICS"))
                .andExpect(jsonPath("$[0].grade").value(5))
                .andExpect(jsonPath("$[0].participants").value(40))
                .andExpect(jsonPath("$[0].marks.2").value(8))
                .andExpect(jsonPath("$[0].marks.3").value(15))
                .andExpect(jsonPath("$[0].marks.4").value(10))
                .andExpect(jsonPath("$[0].marks.5").value(7))
                .andExpect(jsonPath("$[0].lowered").value(2))
                .andExpect(jsonPath("$[0].raised").value(2));
        mvc.perform(get(api + "&by=municipality").with(as(t.regionUser())))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get(api + "&by=municipality").with(as(t.municipalityUser())))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit.id").value(t.municipality().id()))
                .andExpect(jsonPath("$[0].participants").value(30))
                .andExpect(jsonPath("$[0].marks.2").value(3))
                .andExpect(jsonPath("$[0].marks.3").value(12))
                .andExpect(jsonPath("$[0].marks.4").value(9))
                .andExpect(jsonPath("$[0].marks.5").value(6))
                .andExpect(jsonPath("$[0].confirmed").value(16));
        mvc.perform(get(api + "&by=school").with(as(t.municipalityUser())))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get(api + "&by=school&subject=MATHEMATICS&grade=5").with(as(t.schoolUser())))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].orgUnit.id").value(a))
                .andExpect(jsonPath("$[0].participants").value(20));
        mvc.perform(get(api + "&by=school&grade=6").with(as(t.regionUser()))).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get(api + "&by=nation").with(as(t.regionUser()))).andExpect(status().isBadRequest());
        // another region's staff do not see the procedure
        mvc.perform(get(api).with(as("tomsk.coko"))).andExpect(status().isNotFound());
    }

    @Test
    void theReportShowsTheSharesWithTheRegionBesideAndTheSchoolsPageYearOverYear() throws Exception {
        threeSchools();
        String page = mvc.perform(get("/results?procedureId=" + vpr.id()).with(as(t.municipalityUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the region: «2» 8 of 40 = 20,0 %, «5» 7 of 40 = 17,5 %, quality 42,5 %; school A: «5» 4 of 20 = 20,0 %
        assertThat(page).contains("17,5 %").contains("42,5 %").contains("20,0 %")
                .contains(t.school().name()).doesNotContain(t.schoolOfOtherMunicipality().name());
        String school = mvc.perform(get("/results/schools/" + a).with(as(t.schoolUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // A: quality 10 of 20 = 50,0 %, the region beside 42,5 %
        assertThat(school).contains("2021").contains("50,0 %").contains("рег.").contains("42,5 %");
        mvc.perform(get("/results/schools/" + c).with(as(t.schoolUser()))).andExpect(status().isNotFound());
        mvc.perform(get("/results.xlsx?by=school&procedureId=" + vpr.id()).with(as(t.regionUser())))
                .andExpect(status().isOk());
    }

    @Test
    void everyBadRowIsNamedInRussianAndNothingIsWritten() throws Exception {
        long foreign = fixtures.freshRegion().school().id();
        putRows(t.regionUser(),
                row(a, "MATHEMATICS", 20, 2, 8, 6, 3, "", "null"),
                row(a, "RUSSIAN", 10, 1, 4, 3, 2, ",\"lowered\":5,\"confirmed\":5,\"raised\":1", "null"),
                row(b, "Физкультура", 10, 1, 4, 3, 2, "", "null"),
                row(b, "MATHEMATICS", 10, 1, 4, 3, 2, "", "null").replace("\"grade\":5", "\"grade\":9"),
                row(foreign, "MATHEMATICS", 10, 1, 4, 3, 2, "", "null"),
                row(c, "MATHEMATICS", 10, 5, 3, 1, 1, "", "null"),
                row(c, "Математика", 10, 5, 3, 1, 1, "", "null"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rowErrors", hasSize(6)))
                .andExpect(jsonPath("$.rowErrors[0].row").value(1))
                .andExpect(jsonPath("$.rowErrors[0].message").value(containsString("сумма отметок «2»–«5» (19) не равна числу участников (20)")))
                .andExpect(jsonPath("$.rowErrors[1].message").value(containsString("(11) больше числа участников (10)")))
                .andExpect(jsonPath("$.rowErrors[2].message").value("неизвестный предмет «Физкультура»"))
                .andExpect(jsonPath("$.rowErrors[3].message").value("класс 9 не входит в процедуру (классы 4–8)"))
                .andExpect(jsonPath("$.rowErrors[4].column").value("schoolId"))
                .andExpect(jsonPath("$.rowErrors[5].row").value(7))
                .andExpect(jsonPath("$.rowErrors[5].message").value(containsString("уже есть в строке 6")));
        assertThat(stored()).isZero();
    }

    @Test
    void aChangeNeedsTheVersionItWasMadeOn() throws Exception {
        threeSchools();
        long version = jdbc.queryForObject("select version from procedure_result where school_id = ?", Long.class, a);
        // a row that exists, sent as new: a conflict, and the other row of the request is not written either
        putRows(t.regionUser(), row(b, "RUSSIAN", 10, 1, 4, 3, 2, "", "null"),
                row(a, "MATHEMATICS", 20, 4, 6, 6, 4, "", "null")).andExpect(status().isConflict());
        putRows(t.regionUser(), row(a, "MATHEMATICS", 20, 4, 6, 6, 4, "", String.valueOf(version + 7)))
                .andExpect(status().isConflict());
        assertThat(stored()).isEqualTo(3);
        putRows(t.regionUser(), row(a, "MATHEMATICS", 20, 4, 6, 6, 4, "", String.valueOf(version)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(1));
        assertThat(jdbc.queryForObject("select mark2 from procedure_result where school_id = ?", Integer.class, a)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from procedure_result_aud x join procedure_result r on r.id = x.id "
                + "where r.school_id = ?", Integer.class, a)).isEqualTo(2);
        // the school's page keeps the history: who changed which figure of which year, subject and grade
        String history = mvc.perform(get("/results/schools/" + a).with(as(t.regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(history).contains("История изменений").contains("2021, Математика, 5 кл.: «2»");
        mvc.perform(get("/results/schools/" + a + "/history.xlsx").with(as(t.schoolUser()))).andExpect(status().isOk());
        // only the region's staff write
        putRows(t.municipalityUser(), row(a, "MATHEMATICS", 20, 4, 6, 6, 4, "", String.valueOf(version + 1)))
                .andExpect(status().isForbidden());
    }

    private byte[] template() throws Exception {
        return mvc.perform(get("/procedures/" + vpr.id() + "/results/template.xlsx").with(as(t.regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Fills the template's row of the school, grade 5 and the subject with the figures (null leaves a cell). */
    private static void fill(XSSFWorkbook workbook, long school, String subject, Object... figures) {
        Sheet sheet = workbook.getSheetAt(0);
        for (Row row : sheet) {
            if (row.getRowNum() < 2 || (long) row.getCell(0).getNumericCellValue() != school
                    || row.getCell(3).getNumericCellValue() != 5 || !row.getCell(4).getStringCellValue().equals(subject)) {
                continue;
            }
            for (int i = 0; i < figures.length; i++) {
                if (figures[i] instanceof Number n) {
                    row.getCell(5 + i).setCellValue(n.doubleValue());
                } else if (figures[i] instanceof String s) {
                    row.getCell(5 + i).setCellValue(s);
                }
            }
            return;
        }
        throw new AssertionError("no row of " + school + " " + subject);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] file) throws Exception {
        return mvc.perform(multipart("/procedures/" + vpr.id() + "/results/upload")
                .file(new MockMultipartFile("file", "results.xlsx", "application/octet-stream", file))
                .with(as(t.regionUser())).with(csrf()));
    }

    @Test
    void theTemplateComesBackFilledAllOrNothing() throws Exception {
        byte[] template = template();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            // three schools × grades 4–8 × the procedure's subjects
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(4).getStringCellValue()).isEqualTo("Предмет");
            fill(workbook, a, "Математика", 20, 2, 8, 6, 4, 12.5, 2, 16, 2);
            fill(workbook, c, "Математика", 10, 5, 3, 1, 1);
            fill(workbook, b, "Русский язык", 10, 1, 4, 3, "два");
            fill(workbook, b, "Математика", 10, 1, 4, 3, 1, null, 5, 5, 5);
            String page = upload(bytes(workbook)).andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("нужно целое число от 0 до 10000, а не «два»")
                    .contains("сумма отметок «2»–«5» (9) не равна числу участников (10)");
            assertThat(stored()).isZero();

            fill(workbook, b, "Русский язык", 10, 1, 4, 3, 2);
            fill(workbook, b, "Математика", 10, 1, 4, 3, 2, null, 5, 5, 0);
            upload(bytes(workbook)).andExpect(status().is3xxRedirection());
        }
        assertThat(stored()).isEqualTo(4);
        mvc.perform(get("/api/v1/results?by=region&subject=MATHEMATICS&procedureId=" + vpr.id()).with(as(t.regionUser())))
                .andExpect(jsonPath("$[0].participants").value(40))
                .andExpect(jsonPath("$[0].marks.5").value(7))
                .andExpect(jsonPath("$[0].lowered").value(7));
        // the template now carries what is stored
        try (XSSFWorkbook again = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            boolean found = false;
            for (Row row : again.getSheetAt(0)) {
                if (row.getRowNum() >= 2 && (long) row.getCell(0).getNumericCellValue() == a
                        && row.getCell(3).getNumericCellValue() == 5 && row.getCell(4).getStringCellValue().equals("Математика")) {
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(20);
                    assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(12.5);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedWithAMessage() throws Exception {
        String page = upload("не таблица".getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("import-errors");
        try (XSSFWorkbook other = new XSSFWorkbook()) {
            other.createSheet("Результаты").createRow(0).createCell(0).setCellValue("что-то");
            assertThat(upload(bytes(other)).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("Это не тот шаблон");
        }
        assertThat(stored()).isZero();
        mvc.perform(get("/procedures/" + vpr.id() + "/results/template.xlsx").with(as(t.municipalityUser())))
                .andExpect(status().isForbidden());
    }
}
