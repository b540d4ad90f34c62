package ru.rsoko.platform.spreadsheet;

import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Texts longer than an Excel cell, stored before the limits existed (written here straight into the database):
 * every export that shows them still downloads, with the text cut and marked; a refused upload of long cells leaves
 * only a small session behind.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class LongCellsTest {

    private static final int LONG = 40_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTextOverTheCellLimitIsCutWithAMarkSayingHowMuch() {
        String text = "а".repeat(LONG);
        String fitted = CellText.fit(text);
        assertThat(fitted).hasSizeLessThanOrEqualTo(CellText.MAX).startsWith("ааа")
                .endsWith("… [сокращено: " + (LONG - fitted.indexOf('…')) + " символа]");
        assertThat(CellText.fit("коротко")).isEqualTo("коротко");
        assertThat(CellText.fit("я".repeat(CellText.MAX))).hasSize(CellText.MAX).doesNotContain("сокращено");
        // a character outside the basic plane is never split in half
        String emoji = "😀".repeat(LONG / 2);
        String cut = CellText.fit(emoji);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1))).isFalse();
    }

    @Test
    void aReportOfFortyThousandCharactersStoredEarlierStillDownloadsInEveryExportOfItsRecord() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord record = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        // a report through the API makes the revision the history shows; then the old data is made long by SQL
        mvc.perform(patch("/api/v1/executions/{id}", record.id()).with(DemoUsers.api("sonkovo.school"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\",\"report\":\"Начато\",\"version\":" + record.version() + "}"))
                .andExpect(status().isOk());
        String report = "Отчёт " + "о".repeat(LONG);
        jdbc.update("update execution set report = ?, status = 'IN_PROGRESS' where id = ?", report, record.id());
        // the history shows it as the change of the latest revision
        jdbc.update("update execution_aud set report = ? where id = ? and rev = (select max(rev) from execution_aud where id = ?)",
                report, record.id(), record.id());
        jdbc.update("update decision set text = ? where id = ?", "Решение " + "р".repeat(LONG),
                meeting.decisions().getFirst().id());

        for (String user : List.of("sonkovo.school", "sonkovo.mouo", "tver.coko")) {
            assertThat(cells(xlsx("/executions.xlsx", user))).as(user)
                    .anySatisfy(c -> assertThat(c).startsWith("Отчёт ооо").contains("[сокращено: ").hasSizeLessThanOrEqualTo(CellText.MAX));
        }
        assertThat(cells(xlsx("/executions/" + record.id() + "/history.xlsx", "tver.coko")))
                .anySatisfy(c -> assertThat(c).startsWith("Отчёт ооо").contains("[сокращено: "));
        assertThat(cells(xlsx("/meetings/" + meeting.id() + "/decisions.xlsx", "tver.coko")))
                .anySatisfy(c -> assertThat(c).startsWith("Решение ррр").contains("[сокращено: "));

        // the official documents have no cell limit: the long decision is there whole
        byte[] protocol = mvc.perform(get("/meetings/{id}/protocol.docx", meeting.id()).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(protocol))) {
            assertThat(docx.getTables().stream().flatMap(t -> t.getRows().stream())
                    .flatMap(r -> r.getTableCells().stream()).map(c -> c.getText())
                    .anyMatch(t -> t.contains("р".repeat(LONG)))
                    || docx.getParagraphs().stream().anyMatch(p -> p.getText().contains("р".repeat(LONG)))).isTrue();
        }
    }

    @Test
    void aRefusedUploadOfLongCellsKeepsASmallSession() throws Exception {
        // one long text, stored once in the workbook's shared strings and used in every row: a small file whose
        // errors, each quoting it, would make megabytes (letters at random, so that the file is no zip bomb)
        java.util.Random random = new java.util.Random(15);
        StringBuilder name = new StringBuilder("Школа ");
        while (name.length() < 30_000) {
            name.append((char) ('а' + random.nextInt(32)));
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // no such school, its name quoted by the error, and a basis over the limit
            rows.add(new String[]{"", name.toString(), "ШНОР", name.substring(0, 3_000)});
        }
        MockHttpSession session = new MockHttpSession();
        byte[] book = book(rows);
        var upload = mvc.perform(multipart("/school-lists/upload").file(new MockMultipartFile("file", "список.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book))
                        .param("kind", "LOW_RESULTS").session(session).with(users.page("tver.coko")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse();
        assertThat(upload.getContentAsString()).contains("ничего не сохранено");
        // the session lives in PostgreSQL (Spring Session), found again by its cookie
        Cookie sessionCookie = upload.getCookie("SESSION");
        assertThat(sessionCookie).isNotNull();

        byte[] errors = mvc.perform(get("/school-lists/upload/errors.xlsx").cookie(sessionCookie).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> cells = cells(errors);
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("И ещё ").contains("ошиб"));
        assertThat(cells).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(ImportError.MESSAGE));
        assertThat(cells).anySatisfy(c -> assertThat(c).contains("[сокращено: "));

        // as stored in PostgreSQL between requests: the kept errors are a few dozen KB, not the workbook's megabytes
        Long largest = jdbc.queryForObject("select max(octet_length(attribute_bytes)) from spring_session_attributes "
                + "where attribute_name = 'schoolListImportErrors'", Long.class);
        assertThat(largest).isNotNull().isLessThan(150_000L);
    }

    private byte[] xlsx(String path, String user) throws Exception {
        return mvc.perform(get(path).with(users.page(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                }
            }
        }
        return texts;
    }

    private static byte[] book(List<String[]> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Список");
            String[] names = {"ID ОО", "ОО", "Вид списка (ШНОР / Признаки необъективности)", "Основание"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                String[] values = rows.get(i);
                for (int c = 0; c < values.length; c++) {
                    if (!values[c].isEmpty()) {
                        row.createCell(c).setCellValue(values[c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
