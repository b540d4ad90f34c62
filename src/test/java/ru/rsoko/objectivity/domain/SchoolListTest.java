package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

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
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year's lists of schools in a region made for the test: who sees which entries, the upload that replaces a
 * list, workbooks refused with nothing saved, two people editing one entry.
 */
@IntegrationTest
class SchoolListTest {

    private static final int YEAR = 2021;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    PlanFixtures.TestRegion r;

    @BeforeEach
    void region() {
        r = fixtures.freshRegion();
        // the API signs in with the password «demo», like the demo accounts
        jdbc.update("""
                update user_account set password_hash = (select password_hash from user_account where username = 'tver.coko'),
                       must_change_password = false where username in (?, ?, ?)""",
                r.regionUser(), r.municipalityUser(), r.schoolUser());
    }

    @Test
    void aFilterAnsweredByHtmxGetsOnlyTheResultsAndABrowserTheWholePage() throws Exception {
        add(r.school().id(), ListKind.LOW_RESULTS, "ВПР-2021: математика 5, 6 кл.");
        add(r.otherSchool().id(), ListKind.NON_OBJECTIVE, "ВПР-2021: русский язык 4 кл.");

        String swapped = mvc.perform(get("/school-lists").param("year", String.valueOf(YEAR)).param("kind", "LOW_RESULTS")
                        .header("HX-Request", "true").with(users.page(r.regionUser())))
                .andExpect(status().isOk()).andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(swapped).doesNotContain("<html", "id=\"filter\"").contains("id=\"results\"", r.school().name(), "ШНОР")
                .doesNotContain(r.otherSchool().name());

        String whole = page(r.regionUser(), "/school-lists?year=" + YEAR + "&kind=LOW_RESULTS");
        assertThat(whole).contains("<html", "id=\"filter\"", "id=\"results\"", r.school().name());
    }

    @Test
    void eachRoleSeesItsOwnPartOfTheLists() throws Exception {
        long own = add(r.school().id(), ListKind.LOW_RESULTS, "ВПР-2021: математика 5, 6 кл.");
        add(r.otherSchool().id(), ListKind.NON_OBJECTIVE, "ВПР-2021: русский язык 4 кл.");
        long far = add(r.schoolOfOtherMunicipality().id(), ListKind.LOW_RESULTS, null);

        assertThat(schoolIds(r.regionUser(), null)).containsExactlyInAnyOrder(r.school().id(), r.otherSchool().id(),
                r.schoolOfOtherMunicipality().id());
        assertThat(schoolIds(r.regionUser(), ListKind.LOW_RESULTS)).containsExactlyInAnyOrder(r.school().id(),
                r.schoolOfOtherMunicipality().id());
        assertThat(schoolIds(r.municipalityUser(), null)).containsExactlyInAnyOrder(r.school().id(), r.otherSchool().id());
        assertThat(schoolIds(r.schoolUser(), null)).containsExactly(r.school().id());
        // another region's staff, municipal officers and directors see none of them
        assertThat(schoolIds("tver.coko", null)).doesNotContain(r.school().id(), r.otherSchool().id());
        assertThat(schoolIds("sonkovo.mouo", null)).doesNotContain(r.school().id());

        // pages: the same scope; the director reads, cannot change
        String page = page(r.municipalityUser(), "/school-lists?year=" + YEAR);
        assertThat(page).contains(r.school().name(), r.otherSchool().name())
                .doesNotContain(r.schoolOfOtherMunicipality().name()).doesNotContain("Добавить школу");
        assertThat(page(r.schoolUser(), "/school-lists?year=" + YEAR)).contains(r.school().name())
                .doesNotContain(r.otherSchool().name());
        assertThat(page(r.regionUser(), "/school-lists?year=" + YEAR + "&municipalityId=" + r.otherMunicipality().id()))
                .contains(r.schoolOfOtherMunicipality().name()).doesNotContain(r.otherSchool().name());

        mvc.perform(get("/school-lists/{id}/edit", own).with(users.page(r.schoolUser()))).andExpect(status().isForbidden());
        mvc.perform(post("/school-lists/{id}/delete", own).param("version", "0").with(users.page(r.municipalityUser())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/school-lists/{id}/edit", far).with(users.page("tver.coko"))).andExpect(status().isNotFound());
        mvc.perform(post("/school-lists/{id}/delete", far).param("version", "0").with(users.page("tver.coko")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(3);

        // the flags where people look: the school's card, the director's and the municipal officer's home pages
        assertThat(page(r.regionUser(), "/directory/" + r.school().id())).contains("ШНОР 2021");
        assertThat(page(r.schoolUser(), "/")).contains("Ваша школа в списке ШНОР 2021");
        assertThat(page(r.municipalityUser(), "/")).contains("ШНОР 2021: школ — 1", "Признаки необъективности 2021: школ — 1");
    }

    @Test
    void theApiAnswersTheAgreedShape() throws Exception {
        long id = add(r.school().id(), ListKind.NON_OBJECTIVE, "ВПР-2021: математика 5, 6 кл.");
        JsonNode list = api(r.municipalityUser(), "/api/v1/school-lists?year=" + YEAR + "&kind=NON_OBJECTIVE");
        assertThat(list.size()).isEqualTo(1);
        JsonNode e = list.get(0);
        List<String> fields = new ArrayList<>();
        e.propertyNames().forEach(fields::add);
        // version: what the write API's changes name (PUT / DELETE /api/v1/school-lists/{id})
        assertThat(fields).containsExactlyInAnyOrder("id", "year", "kind", "school", "municipality", "basis", "version");
        assertThat(e.get("id").asLong()).isEqualTo(id);
        assertThat(e.get("year").asInt()).isEqualTo(YEAR);
        assertThat(e.get("kind").asString()).isEqualTo("NON_OBJECTIVE");
        assertThat(e.get("school").get("id").asLong()).isEqualTo(r.school().id());
        assertThat(e.get("school").get("name").asString()).isEqualTo(r.school().name());
        assertThat(e.get("municipality").get("id").asLong()).isEqualTo(r.municipality().id());
        assertThat(e.get("basis").asString()).isEqualTo("ВПР-2021: математика 5, 6 кл.");
        assertThat(api(r.municipalityUser(), "/api/v1/school-lists?year=" + YEAR + "&kind=LOW_RESULTS").size()).isZero();
        mvc.perform(get("/api/v1/school-lists")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUploadReplacesTheWholeListOfTheYearAndKind() throws Exception {
        add(r.school().id(), ListKind.LOW_RESULTS, "было");
        add(r.otherSchool().id(), ListKind.LOW_RESULTS, "без изменений");
        long otherKind = add(r.school().id(), ListKind.NON_OBJECTIVE, "другой список");

        String answer = upload(ListKind.LOW_RESULTS, book(
                row(r.otherSchool().id(), r.otherSchool().name(), "ШНОР", "без изменений"),
                row(r.schoolOfOtherMunicipality().id(), r.schoolOfOtherMunicipality().name(), "", "ВПР-2021: математика 4 кл.")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("заменяет список", "добавлено — <span>1</span>", "убрано — <span>1</span>",
                "без изменений — <span>1</span>");
        assertThat(schoolIds(r.regionUser(), ListKind.LOW_RESULTS)).containsExactlyInAnyOrder(r.otherSchool().id(),
                r.schoolOfOtherMunicipality().id());
        // the other list of the year is untouched
        assertThat(jdbc.queryForObject("select count(*) from school_list_entry where id = ?", Integer.class, otherKind)).isEqualTo(1);
        // the list's history names the school that left it
        String list = page(r.regionUser(), "/school-lists?year=" + YEAR + "&kind=LOW_RESULTS");
        assertThat(list).contains("История изменений", "Удаление", r.school().name());

        // uploading the same list again changes nothing
        upload(ListKind.LOW_RESULTS, book(
                row(r.otherSchool().id(), r.otherSchool().name(), "ШНОР", "без изменений"),
                row(r.schoolOfOtherMunicipality().id(), "", "ШНОР", "ВПР-2021: математика 4 кл.")))
                .andExpect(status().isOk());
        assertThat(schoolIds(r.regionUser(), ListKind.LOW_RESULTS)).hasSize(2);
    }

    @Test
    void badWorkbooksSaveNothingAndSayWhereTheErrorIs() throws Exception {
        add(r.school().id(), ListKind.LOW_RESULTS, "было");
        int before = count();
        long tverSchool = jdbc.queryForObject("select id from org_unit where name = 'МОУ «Берёзовская СОШ»'", Long.class);

        assertRefused(book(row(999_999_999L, "", "ШНОР", null)), "Школа с ID 999999999 не найдена среди школ региона");
        assertRefused(book(row(tverSchool, "", "ШНОР", null)), "Школа с ID " + tverSchool + " не найдена среди школ региона");
        assertRefused(book(row(r.otherSchool().id(), "", "Отличники", null)), "Неизвестный вид списка «Отличники»");
        assertRefused(book(row(r.otherSchool().id(), "", "Признаки необъективности", null)),
                "Строка относится к списку «Признаки необъективности»");
        assertRefused(book(row(r.otherSchool().id(), "", "", null), row(r.otherSchool().id(), "", "", null)),
                "уже указана в строке 2");
        assertRefused(book(row(r.otherSchool().id(), "МОУ «Совсем другая школа»", "", null)), "проверьте, не сдвинулись ли строки");
        assertRefused(book(row(null, "", "", "основание без школы")), "Не указана школа");
        assertRefused(book(), "В файле нет ни одной школы");
        assertRefused("PK\u0003\u0004 обрывок архива".getBytes(StandardCharsets.UTF_8), "повреждён");
        assertRefused("ID ОО;ОО\n1;школа".getBytes(StandardCharsets.UTF_8), "не является книгой Excel");
        assertRefused(new byte[0], "Файл пустой");
        Object[][] many = new Object[SchoolListImportService.MAX_ROWS + 1][];
        for (int i = 0; i < many.length; i++) {
            many[i] = row(r.otherSchool().id(), "", "", null);
        }
        assertRefused(book(many), "больше " + SchoolListImportService.MAX_ROWS + " строк");

        // a row with an error names its row and column
        String page = upload(ListKind.LOW_RESULTS, book(row(r.otherSchool().id(), "", "", null), row(-5L, "", "", null)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td>3</td>", "<td>ID ОО</td>", "не номер школы");
        assertThat(count()).isEqualTo(before);
        assertThat(schoolIds(r.regionUser(), ListKind.LOW_RESULTS)).containsExactly(r.school().id());

        // the errors download as .xlsx
        mvc.perform(get("/school-lists/upload/errors.xlsx").with(users.page(r.regionUser())))
                .andExpect(status().is3xxRedirection());
        // only regional staff upload
        mvc.perform(multipart("/school-lists/upload").file(file(book(row(r.school().id(), "", "", null))))
                        .param("year", String.valueOf(YEAR)).param("kind", "LOW_RESULTS")
                        .with(users.page(r.municipalityUser())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void twoPeopleEditingOneEntry() throws Exception {
        long id = add(r.school().id(), ListKind.LOW_RESULTS, "первое основание");
        long version = jdbc.queryForObject("select version from school_list_entry where id = ?", Long.class, id);
        mvc.perform(post("/school-lists/{id}", id).param("year", "2021").param("kind", "LOW_RESULTS")
                        .param("basis", "второе основание").param("version", String.valueOf(version))
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/school-lists/{id}", id).param("year", "2021").param("kind", "LOW_RESULTS")
                        .param("basis", "третье основание").param("version", String.valueOf(version))
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Запись уже изменил другой пользователь");
        assertThat(jdbc.queryForObject("select basis from school_list_entry where id = ?", String.class, id))
                .isEqualTo("второе основание");
        // a stale removal removes nothing
        mvc.perform(post("/school-lists/{id}/delete", id).param("version", String.valueOf(version))
                .with(users.page(r.regionUser())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(1);
        // the entry's history: who changed the basis
        assertThat(page(r.regionUser(), "/school-lists/" + id + "/edit")).contains("первое основание", "второе основание",
                r.regionUser());
    }

    @Test
    void theDownloadIsWhatIsShownAndTheTemplateHoldsTheCurrentList() throws Exception {
        add(r.school().id(), ListKind.LOW_RESULTS, "ВПР-2021");
        add(r.schoolOfOtherMunicipality().id(), ListKind.LOW_RESULTS, null);
        byte[] xlsx = mvc.perform(get("/school-lists.xlsx").param("year", "2021").param("municipalityId",
                        String.valueOf(r.municipality().id())).with(users.page(r.regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(r.school().name());
        }
        byte[] template = mvc.perform(get("/school-lists/template.xlsx").param("year", "2021").param("kind", "LOW_RESULTS")
                .with(users.page(r.regionUser()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // uploaded back as it is, the template changes nothing
        upload(ListKind.LOW_RESULTS, template).andExpect(status().isOk());
        assertThat(schoolIds(r.regionUser(), ListKind.LOW_RESULTS)).containsExactlyInAnyOrder(r.school().id(),
                r.schoolOfOtherMunicipality().id());
    }

    // ---- helpers

    private long add(long schoolId, ListKind kind, String basis) throws Exception {
        var request = post("/school-lists").param("schoolId", String.valueOf(schoolId)).param("year", String.valueOf(YEAR))
                .param("kind", kind.name()).with(users.page(r.regionUser())).with(csrf());
        if (basis != null) {
            request.param("basis", basis);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select id from school_list_entry where school_id = ? and year = ? and kind = ?",
                Long.class, schoolId, YEAR, kind.name());
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from school_list_entry where region_id = ?", Integer.class,
                r.region().id());
    }

    private List<Long> schoolIds(String username, ListKind kind) throws Exception {
        JsonNode list = api(username, "/api/v1/school-lists?year=" + YEAR + (kind == null ? "" : "&kind=" + kind.name()));
        List<Long> ids = new ArrayList<>();
        list.forEach(e -> ids.add(e.get("school").get("id").asLong()));
        return ids;
    }

    private JsonNode api(String username, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(DemoUsers.api(username)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(users.page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.servlet.ResultActions upload(ListKind kind, byte[] content) throws Exception {
        return mvc.perform(multipart("/school-lists/upload").file(file(content)).param("year", String.valueOf(YEAR))
                .param("kind", kind.name()).with(users.page(r.regionUser())).with(csrf()));
    }

    private void assertRefused(byte[] content, String message) throws Exception {
        int before = count();
        String page = upload(ListKind.LOW_RESULTS, content).andExpect(status().is(422)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Файл не загружен, ничего не сохранено").contains(message);
        assertThat(count()).isEqualTo(before);
    }

    private static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "список.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    private static Object[] row(Long id, String name, String kind, String basis) {
        return new Object[]{id, name, kind, basis};
    }

    private static byte[] book(Object[]... rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(SchoolListWorkbook.SHEET);
            Row header = sheet.createRow(0);
            String[] names = {"ID ОО", "ОО", "Вид списка (ШНОР / Признаки необъективности)", "Основание"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i + 1);
                Object[] values = rows[i];
                if (values[0] != null) {
                    row.createCell(0).setCellValue(((Long) values[0]).doubleValue());
                }
                for (int c = 1; c < values.length; c++) {
                    if (values[c] != null && !values[c].toString().isEmpty()) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
