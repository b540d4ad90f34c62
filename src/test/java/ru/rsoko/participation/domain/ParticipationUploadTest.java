package ru.rsoko.participation.domain;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workbook of participation: the template holds the user's schools × grades; every wrong workbook is refused with
 * the row, the column and what is wrong in Russian, and nothing is saved; a filled template goes in whole.
 */
@IntegrationTest
class ParticipationUploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    JdbcTemplate jdbc;

    ParticipationTestRegion t;
    String base;
    String officer;
    byte[] template;

    @BeforeEach
    void setUp() throws Exception {
        t = new ParticipationTestRegion(planFixtures, service, jdbc);
        base = "/procedures/" + t.vpr.id() + "/participation";
        officer = t.region.municipalityUser();
        // one stored row, which every refused upload must leave as it is
        t.rows(t.region.school().id(), new int[]{20}, new int[]{20});
        template = mvc.perform(get(base + "/template.xlsx").with(t.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from participation where procedure_id = ?", Integer.class, t.vpr.id());
    }

    private String stored() {
        return jdbc.queryForList("select school_id || ':' || grade || ':' || pupils || ':' || participants || ':' || observers || ':' || version "
                + "from participation where procedure_id = ? order by school_id, grade", String.class, t.vpr.id()).toString();
    }

    /** The template with every row filled (20 pupils, 20 participants, «да») and the change the test makes. */
    private byte[] edited(Consumer<Sheet> change) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(ParticipationWorkbook.SHEET);
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                row.getCell(ParticipationWorkbook.PUPILS).setCellValue(20);
                row.getCell(ParticipationWorkbook.PARTICIPANTS).setCellValue(20);
                row.getCell(ParticipationWorkbook.OBSERVERS).setCellValue("да");
            }
            change.accept(sheet);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private String refused(byte[] file) throws Exception {
        String before = stored();
        MvcResult result = mvc.perform(multipart(base + "/upload").file(new MockMultipartFile("file", "участие.xlsx",
                        "application/octet-stream", file)).with(t.as(officer)).with(csrf()))
                .andExpect(status().is(422)).andReturn();
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the session lives in the database: the browser's cookie brings it back
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(page).contains("id=\"import-errors\"").contains("Файл не загружен, ничего не сохранено.");
        assertThat(stored()).as("nothing saved").isEqualTo(before);
        // the same errors as a workbook
        byte[] errors = mvc.perform(get(base + "/upload/errors.xlsx").cookie(session).with(t.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(errors.length).isPositive();
        return page;
    }

    private static String cell(int row, String column, String message) {
        return "<td>" + row + "</td>\n                <td>" + column + "</td>\n                <td>" + message;
    }

    @Test
    void theTemplateHoldsTheOfficersSchoolsTimesGradesWithStoredValues() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(ParticipationWorkbook.SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ParticipationWorkbook.MARKER);
            List<String> headers = new ArrayList<>();
            sheet.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("ID ОО", "Муниципалитет", "ОО", "Класс", "Число обучающихся",
                    "Число участников", "Общественные наблюдатели (да/нет)", "Примечание");
            assertThat(sheet.getLastRowNum()).as("2 schools × 5 grades").isEqualTo(1 + 10);
            List<Long> schools = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                schools.add((long) sheet.getRow(r).getCell(0).getNumericCellValue());
                Row row = sheet.getRow(r);
                if ((long) row.getCell(0).getNumericCellValue() == t.region.school().id() && row.getCell(3).getNumericCellValue() == 4) {
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(20);
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("да");
                }
            }
            assertThat(schools).containsOnly(t.region.school().id(), t.region.otherSchool().id());
        }
    }

    @Test
    void aFilledTemplateGoesInWholeAndComesBackAsItWent() throws Exception {
        byte[] file = edited(sheet -> sheet.getRow(3).getCell(ParticipationWorkbook.PARTICIPANTS).setCellValue(18));
        MvcResult result = mvc.perform(multipart(base + "/upload").file(new MockMultipartFile("file", "участие.xlsx",
                        "application/octet-stream", file)).with(t.as(officer)).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        assertThat((String) result.getFlashMap().get("message")).contains("строк с данными — 10 (ОО — 2)")
                .contains("добавлено — 9").contains("изменено — 0").contains("без изменений — 1");
        assertThat(rows()).isEqualTo(10);
        assertThat(jdbc.queryForObject("select sum(participants) from participation where procedure_id = ?", Integer.class,
                t.vpr.id())).isEqualTo(198);
        assertThat(jdbc.queryForObject("select count(*) from participation_aud a join participation p on p.id = a.id "
                + "where p.procedure_id = ?", Integer.class, t.vpr.id())).as("one audit row per written row").isEqualTo(10);
        // the template now holds what was uploaded; uploading it again changes nothing
        byte[] again = mvc.perform(get(base + "/template.xlsx").with(t.as(officer))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook a = new XSSFWorkbook(new ByteArrayInputStream(file));
             XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            Sheet sa = a.getSheet(ParticipationWorkbook.SHEET), sb = b.getSheet(ParticipationWorkbook.SHEET);
            for (int r = 2; r <= sa.getLastRowNum(); r++) {
                for (int c : new int[]{0, 3, 4, 5}) {
                    assertThat(sb.getRow(r).getCell(c).getNumericCellValue()).isEqualTo(sa.getRow(r).getCell(c).getNumericCellValue());
                }
                assertThat(sb.getRow(r).getCell(6).getStringCellValue()).isEqualTo("да");
            }
        }
        String before = stored();
        mvc.perform(multipart(base + "/upload").file(new MockMultipartFile("file", "участие.xlsx", "application/octet-stream", again))
                        .with(t.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message",
                        org.hamcrest.Matchers.containsString("добавлено — 0, изменено — 0, без изменений — 10")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badFiguresAreRefusedCellByCell() throws Exception {
        String page = refused(edited(sheet -> {
            sheet.getRow(2).getCell(ParticipationWorkbook.PUPILS).setCellValue("двадцать");
            sheet.getRow(3).getCell(ParticipationWorkbook.PUPILS).setCellValue(-5);
            sheet.getRow(4).getCell(ParticipationWorkbook.PARTICIPANTS).setCellValue(21);
            sheet.getRow(5).getCell(ParticipationWorkbook.PARTICIPANTS).setBlank();
            sheet.getRow(6).getCell(ParticipationWorkbook.OBSERVERS).setCellValue("возможно");
            sheet.getRow(7).getCell(ParticipationWorkbook.PUPILS).setCellValue(20.5);
        }));
        assertThat(page).contains(cell(3, "Число обучающихся", "Число обучающихся должно быть целым числом, а не «двадцать»"))
                .contains(cell(4, "Число обучающихся", "Число обучающихся не может быть отрицательным"))
                .contains(cell(5, "Число участников", "участников (21) больше, чем обучающихся (20)"))
                .contains(cell(6, "Число участников", "не указано число участников"))
                .contains(cell(7, "Общественные наблюдатели (да/нет)", "укажите «да» или «нет», а не «возможно»"))
                .contains(cell(8, "Число обучающихся", "Число обучающихся должно быть целым числом, а не «20.5»"));
    }

    @Test
    void schoolsOutsideTheScopeUnknownSchoolsWrongGradesAndDuplicatesAreRefused() throws Exception {
        long far = t.region.schoolOfOtherMunicipality().id();
        String page = refused(edited(sheet -> {
            sheet.getRow(2).getCell(ParticipationWorkbook.SCHOOL_ID).setCellValue(far);
            sheet.getRow(3).getCell(ParticipationWorkbook.SCHOOL_ID).setCellValue(987654321);
            sheet.getRow(4).getCell(ParticipationWorkbook.GRADE).setCellValue(9);
            Row copy = sheet.getRow(6);
            sheet.getRow(7).getCell(ParticipationWorkbook.SCHOOL_ID).setCellValue(copy.getCell(0).getNumericCellValue());
            sheet.getRow(7).getCell(ParticipationWorkbook.GRADE).setCellValue(copy.getCell(3).getNumericCellValue());
            sheet.getRow(8).getCell(ParticipationWorkbook.SCHOOL_ID).setCellValue("школа");
        }));
        assertThat(page).contains(cell(3, "ID ОО", "ОО с ID " + far + " не найдена среди ваших ОО — участниц процедуры"))
                .contains(cell(4, "ID ОО", "ОО с ID 987654321 не найдена"))
                .contains(cell(5, "Класс", "класс «9» не входит в процедуру (классы 4–8)"))
                .contains("класс уже есть в строке 7 — оставьте одну строку")
                .contains(cell(9, "ID ОО", "ID ОО должен быть числом, а не «школа»"));
    }

    @Test
    void aWorkbookThatIsNotTheTemplateOrNotAWorkbookAtAllIsRefused() throws Exception {
        // another procedure's template
        ParticipationTestRegion other = new ParticipationTestRegion(planFixtures, service, jdbc);
        byte[] foreign = mvc.perform(get("/procedures/" + other.vpr.id() + "/participation/template.xlsx")
                .with(other.as(other.region.municipalityUser()))).andReturn().getResponse().getContentAsByteArray();
        assertThat(refused(foreign)).contains("Это не тот шаблон: он скачан для другой процедуры");
        // any other workbook
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Список школ");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            assertThat(refused(out.toByteArray())).contains("Это не тот шаблон: файл не является шаблоном участия");
        }
        // a header changed
        assertThat(refused(edited(sheet -> sheet.getRow(1).getCell(ParticipationWorkbook.PUPILS).setCellValue("Учеников"))))
                .contains("нет столбца «Число обучающихся»");
        // only the header rows
        assertThat(refused(edited(sheet -> {
            for (int r = sheet.getLastRowNum(); r >= 2; r--) {
                sheet.removeRow(sheet.getRow(r));
            }
        }))).contains("В файле нет ни одной строки с ОО и классами");
        // every figure left empty
        assertThat(refused(edited(sheet -> {
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                sheet.getRow(r).getCell(ParticipationWorkbook.PUPILS).setBlank();
                sheet.getRow(r).getCell(ParticipationWorkbook.PARTICIPANTS).setBlank();
            }
        }))).contains("В файле не заполнено ни одной строки");
        // not a workbook, a damaged one, an empty file
        assertThat(refused("ID;ОО\n1;школа".getBytes(StandardCharsets.UTF_8))).contains("не является книгой Excel");
        byte[] cut = java.util.Arrays.copyOf(template, template.length / 2);
        assertThat(refused(cut)).contains("Файл повреждён");
        assertThat(refused(new byte[0])).contains("Файл пустой (0 байт)");
    }

    @Test
    void aWorkbookOfTooManyRowsIsRefusedWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(ParticipationWorkbook.SHEET);
            Row marker = sheet.createRow(0);
            marker.createCell(0).setCellValue(ParticipationWorkbook.MARKER);
            marker.createCell(ParticipationWorkbook.PROCEDURE_CELL).setCellValue(t.vpr.id());
            Row header = sheet.createRow(1);
            for (int i = 0; i < ParticipationWorkbook.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(ParticipationWorkbook.HEADERS.get(i));
            }
            for (int r = 0; r <= ParticipationImportService.MAX_ROWS; r++) {
                sheet.createRow(2 + r).createCell(0).setCellValue(t.region.school().id());
            }
            workbook.write(out);
        }
        assertThat(refused(out.toByteArray())).contains("В файле больше 50000 строк");
    }
}
