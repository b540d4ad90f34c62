package ru.rsoko.directory.domain;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.directory.domain.DirectoryExcel.INN;
import static ru.rsoko.directory.domain.ImportWorkbooks.book;
import static ru.rsoko.directory.domain.ImportWorkbooks.municipality;
import static ru.rsoko.directory.domain.ImportWorkbooks.school;
import static ru.rsoko.directory.domain.ImportWorkbooks.with;

/** Who may load which region's directory, and the list of errors a person takes away to correct the file. */
@IntegrationTest
class DirectoryImportAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitService directory;

    ImportDriver imports;
    String n;

    @BeforeEach
    void setUp() {
        imports = new ImportDriver(mvc, users, jdbc, directory);
        n = String.valueOf(System.nanoTime());
    }

    byte[] goodFile() {
        String m = "МО доступа " + n;
        return book(municipality(m), school("СОШ доступа " + n, m));
    }

    @Test
    void aRegionsAdministratorCannotLoadAnotherRegion() throws Exception {
        ImportDriver.Counts before = imports.counts();
        mvc.perform(multipart("/directory/import")
                        .file(new MockMultipartFile("file", "f.xlsx", XlsxDownload.CONTENT_TYPE, goodFile()))
                        .param("regionId", String.valueOf(imports.tomsk()))
                        .with(csrf()).with(users.page("tver.admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/directory/import/template.xlsx").param("regionId", String.valueOf(imports.tomsk()))
                        .with(users.page("tver.admin")))
                .andExpect(status().isNotFound());
        assertThat(imports.counts()).isEqualTo(before);

        // their own region loads
        ImportDriver.Outcome own = imports.upload("tver.admin", imports.tver(), goodFile());
        assertThat(own.errors()).isNull();
        assertThat(own.summary().created()).isEqualTo(2);
    }

    @Test
    void regionalStaffAndOthersMayNotOpenTheImport() throws Exception {
        ImportDriver.Counts before = imports.counts();
        for (String user : List.of("tver.coko", "sonkovo.mouo", "sonkovo.school")) {
            mvc.perform(get("/directory/import").with(users.page(user))).andExpect(status().isForbidden());
            mvc.perform(get("/directory/import/template.xlsx").param("regionId", String.valueOf(imports.tver()))
                    .with(users.page(user))).andExpect(status().isForbidden());
            mvc.perform(get("/directory/import/errors.xlsx").with(users.page(user))).andExpect(status().isForbidden());
            mvc.perform(multipart("/directory/import")
                            .file(new MockMultipartFile("file", "f.xlsx", XlsxDownload.CONTENT_TYPE, goodFile()))
                            .param("regionId", String.valueOf(imports.tver()))
                            .with(csrf()).with(users.page(user)))
                    .andExpect(status().isForbidden());
        }
        assertThat(imports.counts()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutCsrfTokenIsRefused() throws Exception {
        ImportDriver.Counts before = imports.counts();
        mvc.perform(multipart("/directory/import")
                        .file(new MockMultipartFile("file", "f.xlsx", XlsxDownload.CONTENT_TYPE, goodFile()))
                        .param("regionId", String.valueOf(imports.tver()))
                        .with(users.page("admin")))
                .andExpect(status().isForbidden());
        assertThat(imports.counts()).isEqualTo(before);
    }

    @Test
    void theImportPageAndTheTemplateOpenForAnAdministrator() throws Exception {
        mvc.perform(get("/directory/import").with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Загрузка справочника из Excel")));
        byte[] template = mvc.perform(get("/directory/import/template.xlsx").param("regionId", String.valueOf(imports.tver()))
                        .with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XlsxDownload.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = ImportWorkbooks.open(template)) {
            assertThat(rows(workbook.getSheetAt(0))).containsExactly(DirectoryExcel.HEADERS);
        }
        // the empty template itself is refused for having no rows, not for its shape
        assertThat(imports.rejected(imports.tver(), template)).containsExactly(
                ImportError.ofFile("В файле нет ни одной строки с организациями под заголовком."));

        // filled in, it loads
        byte[] filled;
        try (XSSFWorkbook workbook = ImportWorkbooks.open(template)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row municipality = sheet.createRow(1);
            municipality.createCell(0).setCellValue("Муниципалитет");
            municipality.createCell(1).setCellValue("МО из шаблона " + n);
            Row school = sheet.createRow(2);
            school.createCell(0).setCellValue("Школа");
            school.createCell(1).setCellValue("СОШ из шаблона " + n);
            school.createCell(3).setCellValue("МО из шаблона " + n);
            school.createCell(10).setCellValue("да");
            filled = ImportWorkbooks.bytes(workbook);
        }
        ImportDriver.Outcome outcome = imports.upload("tver.admin", imports.tver(), filled);
        assertThat(outcome.errors()).isNull();
        assertThat(outcome.summary().created()).isEqualTo(2);
        assertThat(imports.unit("СОШ из шаблона " + n)).containsEntry("parent_id", imports.unit("МО из шаблона " + n).get("id"));
    }

    @Test
    void theErrorsOfTheLastFailedUploadDownloadAsAWorkbook() throws Exception {
        ImportDriver.Browser browser = new ImportDriver.Browser();
        String m = "МО с ошибками " + n;
        byte[] file = book(municipality(m),
                with(school("СОШ с ошибкой " + n, m), INN, "123"),
                school("СОШ без муниципалитета " + n, "Нет такого " + n));
        ImportDriver.Outcome failed = imports.upload("admin", imports.tver(), file, "ошибки.xlsx", browser);
        assertThat(failed.errors()).hasSize(2);

        byte[] download = mvc.perform(browser.send(get("/directory/import/errors.xlsx")).with(users.page("admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XlsxDownload.CONTENT_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = ImportWorkbooks.open(download)) {
            List<List<String>> rows = rows(workbook.getSheetAt(0));
            assertThat(rows.getFirst()).containsExactly("Строка", "Столбец", "Ошибка");
            List<List<String>> expected = failed.errors().stream()
                    .map(e -> List.of(String.valueOf(e.row()), e.column(), e.message())).toList();
            assertThat(rows.subList(1, rows.size())).isEqualTo(expected);
            assertThat(rows.get(1).get(2)).contains("ИНН");
        }

        // an empty upload also leaves its error to download
        imports.upload("admin", imports.tver(), new byte[0], "пустой.xlsx", browser);
        try (XSSFWorkbook workbook = ImportWorkbooks.open(mvc.perform(browser.send(get("/directory/import/errors.xlsx"))
                .with(users.page("admin"))).andReturn().getResponse().getContentAsByteArray())) {
            assertThat(rows(workbook.getSheetAt(0))).containsExactly(List.of("Строка", "Столбец", "Ошибка"),
                    List.of("", "", "Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx)."));
        }

        // a successful upload clears them: there is nothing left to download, the link leads back to the page
        imports.upload("admin", imports.tver(), goodFile(), "хороший.xlsx", browser);
        mvc.perform(browser.send(get("/directory/import/errors.xlsx")).with(users.page("admin")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/directory/import"));
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : text.formatCellValue(row.getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
