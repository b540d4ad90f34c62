package ru.rsoko.directory.domain;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pupils per grade kept by the directory: entered on the school's card (by its director, its municipal officer, its
 * regional staff), checked in Russian and saved all or nothing with versions and history; read and written through
 * the API; downloaded as .xlsx; loaded by the directory's workbook, where one wrong cell writes nothing.
 */
@IntegrationTest
class SchoolPupilsTest {

    static final String YEAR = "2030-2031";

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryImportService imports;

    PlanFixtures.TestRegion region;
    long school;

    @BeforeEach
    void setUp() {
        region = planFixtures.freshRegion();
        school = region.school().id();
    }

    private RequestPostProcessor as(String username) {
        return user(planFixtures.user(username));
    }

    /** The card's form as posted: grades from 1 with the given numbers ("" for empty) and versions. */
    private MockHttpServletRequestBuilder card(String username, String[] pupils, Long... versions) {
        MockHttpServletRequestBuilder request = post("/directory/" + school + "/pupils").with(as(username)).with(csrf())
                .param("schoolYear", YEAR);
        for (int i = 0; i < pupils.length; i++) {
            request.param("grades[" + i + "].grade", String.valueOf(i + 1)).param("grades[" + i + "].pupils", pupils[i]);
            if (versions.length > i && versions[i] != null) {
                request.param("grades[" + i + "].version", String.valueOf(versions[i]));
            }
        }
        return request;
    }

    private List<String> stored(long schoolId) {
        return jdbc.queryForList("select grade || ':' || pupils || ':' || version from directory_grade_pupils "
                + "where school_id = ? and school_year = ? order by grade", String.class, schoolId, YEAR);
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDirectorEntersTheGradesOnTheCardAndTheHistorySaysWhoAndWhat() throws Exception {
        mvc.perform(card(region.schoolUser(), new String[]{"25", "24", "", "22"}))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Контингент " + YEAR + " сохранён: изменено 3 класса"));
        assertThat(stored(school)).containsExactly("1:25:0", "2:24:0", "4:22:0");
        assertThat(jdbc.queryForObject("select count(*) from directory_grade_pupils_aud where school_id = ? and school_year = ?",
                Integer.class, school, YEAR)).isEqualTo(3);

        String card = page("/directory/" + school + "?schoolYear=" + YEAR, region.schoolUser());
        assertThat(card).contains("id=\"pupils-form\"").contains("value=\"25\"").contains("Всего: 71 обучающийся")
                .contains(region.schoolUser()).contains("4 класс");

        // the municipal officer corrects one grade with the version read: one more audit row, the history shows the change
        mvc.perform(card(region.municipalityUser(), new String[]{"25", "23"}, 0L, 0L)).andExpect(status().is3xxRedirection());
        assertThat(stored(school)).containsExactly("1:25:0", "2:23:1", "4:22:0");
        assertThat(page("/directory/" + school + "?schoolYear=" + YEAR, region.regionUser()))
                .contains(region.municipalityUser()).contains("<del>24</del>").contains("<ins>23</ins>");

        // the director's form, read before that change, would overwrite it: refused, nothing saved
        mvc.perform(card(region.schoolUser(), new String[]{"25", "30"}, 0L, 0L))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("pupilsError", ConcurrentEditException.MESSAGE));
        assertThat(stored(school)).containsExactly("1:25:0", "2:23:1", "4:22:0");
    }

    @Test
    void wrongNumbersAreRefusedInRussianAndNothingIsSaved() throws Exception {
        MvcResult result = mvc.perform(card(region.regionUser(), new String[]{"25", "-3", "двадцать", "20000", "20.5"}))
                .andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        List<ImportError> errors = (List<ImportError>) result.getFlashMap().get("pupilsErrors");
        assertThat(errors).extracting(e -> e.column() + ": " + e.message()).containsExactly(
                "2 класс: число обучающихся не может быть отрицательным: «-3»",
                "3 класс: число обучающихся должно быть целым числом, а не «двадцать»",
                "4 класс: число обучающихся слишком большое (больше 10000 в одном классе одной школы): проверьте число",
                "5 класс: число обучающихся должно быть целым числом, а не «20.5»");
        assertThat(stored(school)).isEmpty();
        // what was typed comes back to be fixed
        // (the flash lives in the session, which lives in the database: the browser's cookie brings it back)
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String card = mvc.perform(get("/directory/" + school + "?schoolYear=" + YEAR).with(as(region.regionUser()))
                        .cookie(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(card).contains("id=\"pupils-error\"").contains("value=\"двадцать\"");

        // a stored figure cannot be emptied
        mvc.perform(card(region.regionUser(), new String[]{"25"})).andExpect(status().is3xxRedirection());
        MvcResult emptied = mvc.perform(card(region.regionUser(), new String[]{""}, 0L)).andReturn();
        assertThat(((List<?>) emptied.getFlashMap().get("pupilsErrors")).toString()).contains("удалить внесённое число нельзя");
        assertThat(stored(school)).containsExactly("1:25:0");
    }

    @Test
    void outsideTheScopeIsNotFoundAndAnAdministratorDoesNotEnter() throws Exception {
        // the director of one school and another school of the same municipality
        long other = region.otherSchool().id();
        mvc.perform(post("/directory/" + other + "/pupils").with(as(region.schoolUser())).with(csrf())
                .param("schoolYear", YEAR).param("grades[0].grade", "1").param("grades[0].pupils", "5"))
                .andExpect(status().isNotFound());
        // the municipal officer and the school of the other municipality
        mvc.perform(get("/api/v1/schools/" + region.schoolOfOtherMunicipality().id() + "/pupils")
                .with(as(region.municipalityUser()))).andExpect(status().isNotFound());
        assertThat(stored(other)).isEmpty();
        // an administrator of the deployment sees the figures but leaves entering them to the school and its authorities
        mvc.perform(card("admin", new String[]{"25"})).andExpect(status().isForbidden());
        assertThat(stored(school)).isEmpty();
    }

    @Test
    void theApiReadsAndWritesWithVersions() throws Exception {
        String url = "/api/v1/schools/" + school + "/pupils?schoolYear=" + YEAR;
        mvc.perform(put(url).with(as(region.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grades\":[{\"grade\":1,\"pupils\":25},{\"grade\":11,\"pupils\":12}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schoolYear").value(YEAR))
                .andExpect(jsonPath("$.total").value(37))
                .andExpect(jsonPath("$.grades[0].pupils").value(25))
                .andExpect(jsonPath("$.grades[0].version").value(0))
                .andExpect(jsonPath("$.grades[1].pupils").doesNotExist());
        // a stale version: 409, nothing written
        mvc.perform(put(url).with(as(region.regionUser())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grades\":[{\"grade\":1,\"pupils\":26}]}")).andExpect(status().isConflict());
        // wrong rows: 400 with the row errors, nothing written
        mvc.perform(put(url).with(as(region.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grades\":[{\"grade\":1,\"pupils\":26,\"version\":0},{\"grade\":12,\"pupils\":3},{\"grade\":2,\"pupils\":-1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowErrors[0].row").value(2))
                .andExpect(jsonPath("$.rowErrors[1].message").value("число обучающихся — от 0 до 10000, а не -1"));
        assertThat(stored(school)).containsExactly("1:25:0", "11:12:0");
        mvc.perform(put(url).with(as(region.schoolUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grades\":[{\"grade\":1,\"pupils\":26,\"version\":0}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grades[0].version").value(1));
        mvc.perform(get("/api/v1/schools/" + school + "/pupils?schoolYear=2030/2032").with(as(region.regionUser())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theTableDownloadsAsXlsxForTheSchoolAndForItsMunicipality() throws Exception {
        mvc.perform(card(region.schoolUser(), new String[]{"25", "24"})).andExpect(status().is3xxRedirection());
        try (XSSFWorkbook book = xlsx("/directory/" + school + "/pupils.xlsx?schoolYear=" + YEAR, region.schoolUser())) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Класс");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(YEAR);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(25);
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(24);
            assertThat(sheet.getLastRowNum()).as("grades 1–11").isEqualTo(11);
        }
        try (XSSFWorkbook book = xlsx("/directory/" + region.municipality().id() + "/pupils.xlsx?schoolYear=" + YEAR,
                region.municipalityUser())) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("1 класс");
            List<String> schools = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                schools.add(row.getCell(1).getStringCellValue());
                if ((long) row.getCell(0).getNumericCellValue() == school) {
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(25);
                    assertThat(row.getCell(15).getNumericCellValue()).as("Всего").isEqualTo(49);
                }
            }
            assertThat(schools).containsExactlyInAnyOrder(region.school().name(), region.otherSchool().name());
        }
    }

    private XSSFWorkbook xlsx(String url, String username) throws Exception {
        byte[] bytes = mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The directory's workbook: an «Организации» sheet (header and rows) and a «Контингент» sheet. */
    private static byte[] workbook(List<Object[]> organisations, List<Object[]> pupils) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            fill(book.createSheet(DirectoryExcel.SHEET), DirectoryExcel.HEADERS.toArray(), organisations);
            List<Object> header = new ArrayList<>(DirectoryExcel.PUPILS_HEADERS);
            for (int g = 1; g <= 11; g++) {
                header.add(g + " класс");
            }
            fill(book.createSheet(DirectoryExcel.PUPILS_SHEET), header.toArray(), pupils);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Sheet sheet, Object[] header, List<Object[]> rows) {
        List<Object[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            Row row = sheet.createRow(r);
            Object[] cells = all.get(r);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (cells[c] != null) {
                    row.createCell(c).setCellValue(cells[c].toString());
                }
            }
        }
    }

    /** A «Контингент» row: ID, school, municipality, school year, then grades from 1. */
    private static Object[] pupils(Object id, String school, String municipality, String year, Object... grades) {
        Object[] row = new Object[4 + grades.length];
        row[0] = id;
        row[1] = school;
        row[2] = municipality;
        row[3] = year;
        System.arraycopy(grades, 0, row, 4, grades.length);
        return row;
    }

    @Test
    void theDirectoryWorkbookLoadsPupilsAllOrNothing() throws Exception {
        OrgUnit municipality = region.municipality();
        String newSchool = Fixtures.unique("МОУ «Новая СОШ»");
        List<Object[]> organisations = List.<Object[]>of(new Object[]{"Школа", newSchool, null, municipality.name()});

        // one wrong cell among right ones: the whole file is refused, with each error in its place; nothing is written
        byte[] wrong = workbook(organisations, List.of(
                pupils(school, null, null, YEAR, 25, 24),
                pupils(null, newSchool, municipality.name(), YEAR, 30, "много"),
                pupils(null, "МОУ «Несуществующая СОШ»", municipality.name(), YEAR, 10),
                pupils(null, region.otherSchool().name(), municipality.name(), "2030", 10)));
        assertThatThrownBy(() -> imports.importWorkbook(Scope.all(), region.region().id(), new ByteArrayInputStream(wrong)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.row() + " " + err.column() + ": " + err.message())
                        .containsExactly(
                                "3 Контингент: 2 класс: число обучающихся должно быть целым числом, а не «много»",
                                "5 Контингент: Учебный год: Учебный год указывается как «2026-2027», а не «2030»",
                                "4 Контингент: Школа: Школа «МОУ «Несуществующая СОШ»» не найдена в «" + municipality.name()
                                        + "» (ни в справочнике, ни в листе «Организации»): укажите наименование точно как в "
                                        + "справочнике, муниципалитет или ID из выгрузки."));
        assertThat(stored(school)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from org_unit where name = ?", Integer.class, newSchool)).isZero();

        // fixed: the new school and its pupils, and the existing school by its ID, go in together
        byte[] right = workbook(organisations, List.of(
                pupils(school, null, null, YEAR, 25, 24),
                pupils(null, newSchool, municipality.name(), YEAR, 30, 31)));
        DirectoryImportService.Summary summary = imports.importWorkbook(Scope.all(), region.region().id(),
                new ByteArrayInputStream(right));
        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.pupils()).isEqualTo(4);
        assertThat(stored(school)).containsExactly("1:25:0", "2:24:0");
        long created = jdbc.queryForObject("select id from org_unit where name = ?", Long.class, newSchool);
        assertThat(stored(created)).containsExactly("1:30:0", "2:31:0");

        // the template lists the region's schools on «Контингент» for the current year, without figures
        try (XSSFWorkbook template = xlsx("/directory/import/template.xlsx?regionId=" + region.region().id(), "admin")) {
            Sheet sheet = template.getSheet(DirectoryExcel.PUPILS_SHEET);
            assertThat(sheet.getRow(0).getCell(DirectoryExcel.P_YEAR).getStringCellValue()).isEqualTo("Учебный год");
            List<String> schools = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                schools.add(sheet.getRow(r).getCell(DirectoryExcel.P_SCHOOL).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(DirectoryExcel.PUPILS_HEADERS.size())).as("no figure").isNull();
            }
            assertThat(schools).contains(region.school().name(), newSchool);
        }
    }

    @Test
    void theSchoolYearIsWrittenAsPeopleWriteIt() {
        assertThat(SchoolYear.of(java.time.LocalDate.of(2027, 3, 15))).hasToString("2026-2027");
        assertThat(SchoolYear.of(java.time.LocalDate.of(2026, 9, 1))).hasToString("2026-2027");
        assertThat(SchoolYear.parse("2026–2027")).contains(new SchoolYear(2026));
        assertThat(SchoolYear.parse("2026-2028")).isEmpty();
    }
}
