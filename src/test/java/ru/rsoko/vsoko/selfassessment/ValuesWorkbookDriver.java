package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Downloads templates and uploads workbooks through the pages as a signed-in user would, and reads what the upload
 * wrote with plain SQL, so that "nothing saved" is checked where it matters.
 */
final class ValuesWorkbookDriver {

    final MockMvc mvc;
    final DemoUsers users;
    final JdbcTemplate jdbc;

    ValuesWorkbookDriver(MockMvc mvc, DemoUsers users, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    record Outcome(ValuesImportService.Summary summary, List<ImportError> errors, String html) {
    }

    /** Everything an upload to the campaign may write: values, history, submissions with their versions. */
    record State(List<Map<String, Object>> values, long events, List<Map<String, Object>> submissions) {
    }

    byte[] template(String username, long campaignId) throws Exception {
        return mvc.perform(get("/vsoko/campaigns/" + campaignId + "/template.xlsx").with(users.page(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    Outcome upload(String username, long campaignId, byte[] file) throws Exception {
        MvcResult result = mvc.perform(multipart("/vsoko/campaigns/" + campaignId + "/upload")
                        .file(new MockMultipartFile("file", "значения.xlsx", XlsxDownload.CONTENT_TYPE, file))
                        .with(csrf()).with(users.page(username)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as("200 when taken, 422 when refused").isIn(200, 422))
                .andExpect(view().name("vsoko/upload"))
                .andReturn();
        Map<String, Object> model = result.getModelAndView().getModel();
        @SuppressWarnings("unchecked")
        List<ImportError> errors = (List<ImportError>) model.get("errors");
        assertThat(result.getResponse().getStatus()).as("a refused upload answers 422").isEqualTo(errors == null ? 200 : 422);
        return new Outcome((ValuesImportService.Summary) model.get("summary"), errors, result.getResponse().getContentAsString());
    }

    State state(long campaignId) {
        return new State(
                jdbc.queryForList("""
                        select v.* from vsoko_value v join vsoko_submission s on s.id = v.submission_id
                        where s.campaign_id = ? order by v.id""", campaignId),
                jdbc.queryForObject("""
                        select count(*) from vsoko_submission_event e join vsoko_submission s on s.id = e.submission_id
                        where s.campaign_id = ?""", Long.class, campaignId),
                jdbc.queryForList("select id, status, version, updated_at from vsoko_submission where campaign_id = ? order by id",
                        campaignId));
    }

    /** Uploads a file that must be refused and proves that nothing was written. */
    List<ImportError> rejected(String username, long campaignId, byte[] file) throws Exception {
        State before = state(campaignId);
        Outcome outcome = upload(username, campaignId, file);
        assertThat(outcome.summary()).as("a rejected file has no summary").isNull();
        assertThat(outcome.errors()).as("errors shown on the page").isNotEmpty();
        assertThat(outcome.html()).contains("id=\"import-errors\"").contains("Файл не загружен, ничего не сохранено.")
                .doesNotContain("id=\"import-summary\"");
        assertThat(state(campaignId)).as("nothing written: values, history, submissions").isEqualTo(before);
        return outcome.errors();
    }

    ValuesImportService.Summary accepted(String username, long campaignId, byte[] file) throws Exception {
        Outcome outcome = upload(username, campaignId, file);
        assertThat(outcome.errors()).as("errors").isNull();
        assertThat(outcome.html()).contains("id=\"import-summary\"");
        return outcome.summary();
    }

    long schoolId(String name) {
        return jdbc.queryForObject("select id from org_unit where type = 'SCHOOL' and name = ?", Long.class, name);
    }

    long orgOf(String username) {
        return jdbc.queryForObject("select org_unit_id from user_account where username = ?", Long.class, username);
    }

    // --- the workbook as a person edits it in Excel

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(XSSFWorkbook workbook) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    /** The data row of the school and indicator in the template's sheet. */
    static Row row(Sheet sheet, long schoolId, String code) {
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && (long) row.getCell(ValuesWorkbook.SCHOOL_ID).getNumericCellValue() == schoolId
                    && text(row.getCell(ValuesWorkbook.CODE)).equals(code)) {
                return row;
            }
        }
        throw new AssertionError("нет строки школы " + schoolId + " и показателя " + code);
    }

    /**
     * Puts a value into a cell as a person typing over it would. The cell is made anew: POI appends a string set on a
     * cell that held the template's inline string instead of replacing it, which Excel never does.
     */
    static void set(Row row, int column, Object value) {
        Cell old = row.getCell(column);
        if (old != null) {
            row.removeCell(old);
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    /** Types a value (text or number) and a link into the row, as a person would. */
    static void fill(Sheet sheet, long schoolId, String code, Object value, String link) {
        Row row = row(sheet, schoolId, code);
        if (value != null) {
            set(row, ValuesWorkbook.VALUE, value);
        }
        if (link != null) {
            set(row, ValuesWorkbook.LINK, link);
        }
    }
}
