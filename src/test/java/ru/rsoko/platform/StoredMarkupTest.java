package ru.rsoko.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import ru.rsoko.account.domain.Account;
import ru.rsoko.access.Role;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup and template expressions typed into free-text fields come back as text: escaped on every page that shows
 * them, literal in every .docx and .xlsx, and a text beginning with «=» is a text cell in a download, never a formula.
 * (No template uses th:utext; the only unescaped inlining, [(…)], is in the plain-text mail.)
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class StoredMarkupTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String MARKUP = SCRIPT + IMG + " {{7*7}} [[${7*7}]] __${7*7}__";
    static final String FORMULA = "=1+1";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ObjectMapper json;

    @Test
    void markupStoredThroughTheApiIsEscapedOnPagesAndLiteralInExports() throws Exception {
        String title = MARKUP + " " + Fixtures.unique("совещание");
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        String body = """
                {"kind":"MEETING","title":%s,"date":"%s","place":%s,"chair":%s,"secretary":%s,"participants":[%s],
                 "agenda":[{"number":"1","title":%s,"speakers":[%s],"heard":%s}],
                 "decisions":[{"number":"1","text":%s,"responsibleText":"руководители ОО",
                               "deadline":{"kind":"ONGOING","originalText":"постоянно"}}]}"""
                .formatted(q(title), today, q(MARKUP), q(MARKUP), q(MARKUP), q(MARKUP), q(MARKUP), q(MARKUP), q(MARKUP), q(MARKUP));
        JsonNode meeting = api("POST", "/api/v1/meetings", "sonkovo.mouo", body, 201);
        long meetingId = meeting.get("id").asLong();
        api("POST", "/api/v1/meetings/" + meetingId + "/sign?version=" + meeting.get("version").asLong(), "sonkovo.mouo", null, 200);

        long schoolId = fixtures.org("МОУ «Берёзовская СОШ»").id();
        Map<String, Object> record = jdbc.queryForMap("""
                select e.id, e.version from execution e join decision d on d.id = e.decision_id
                where d.meeting_id = ? and e.org_unit_id = ?""", meetingId, schoolId);
        api("PATCH", "/api/v1/executions/" + record.get("id"), "sonkovo.school",
                "{\"status\":\"IN_PROGRESS\",\"report\":%s,\"version\":%s}".formatted(q(FORMULA + " " + MARKUP), record.get("version")), 200);

        int year = 2090 + (int) (System.nanoTime() % 9);
        api("POST", "/api/v1/school-lists", "tver.coko", "{\"schoolId\":%d,\"year\":%d,\"kind\":\"LOW_RESULTS\",\"basis\":%s}"
                .formatted(schoolId, year, q(FORMULA + " " + MARKUP)), 201);

        // no API renames an account: the administrator's form does
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»")); // not a school other tests notify
        jdbc.update("update user_account set full_name = ? where id = ?", MARKUP, account.id());

        for (String page : List.of("/meetings/" + meetingId, "/meetings?q=" + java.net.URLEncoder.encode("совещание", StandardCharsets.UTF_8),
                "/meetings/" + meetingId + "/decisions/" + meeting.get("decisions").get(0).get("id").asLong() + "/edit",
                "/executions/" + record.get("id"), "/executions?meetingId=" + meetingId,
                "/school-lists?year=" + year, "/admin/accounts/" + account.id())) {
            String user = page.startsWith("/admin") ? "tver.admin" : page.startsWith("/school-lists") ? "tver.coko" : "sonkovo.mouo";
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(page).with(users.page(user))
                    .accept(MediaType.TEXT_HTML)).andReturn().getResponse();
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(html).as(page).doesNotContain(SCRIPT, IMG, "<img src=x");
            if (!page.contains("?")) {
                // the cards show the text itself; a list may show a shortened title or another page of results
                assertThat(html).as(page + " shows the text, escaped").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
                assertThat(html).as(page + ": no template expression evaluated").contains("{{7*7}}", "[[${7*7}]]", "__${7*7}__");
            }
        }

        assertThat(docxText("/meetings/" + meetingId + "/protocol.docx", "sonkovo.mouo")).contains(MARKUP);
        assertThat(xlsxStrings("/meetings/" + meetingId + "/decisions.xlsx", "sonkovo.mouo")).anyMatch(s -> s.contains(MARKUP));
        assertThat(xlsxStrings("/school-lists.xlsx?year=" + year, "tver.coko")).anyMatch(s -> s.contains(MARKUP));
        assertThat(xlsxStrings("/admin/accounts.xlsx", "tver.admin")).anyMatch(s -> s.contains(MARKUP));
    }

    /** A report beginning with «=» is written as a text cell: Excel shows it, never computes it. */
    @Test
    void textThatLooksLikeAFormulaIsATextCellInEveryExport() throws Exception {
        String title = FORMULA + " " + Fixtures.unique("совещание");
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        JsonNode meeting = api("POST", "/api/v1/meetings", "sonkovo.mouo", """
                {"kind":"MEETING","title":%s,"date":"%s",
                 "decisions":[{"number":"1","text":%s,"responsibleText":"руководители ОО",
                               "deadline":{"kind":"ONGOING","originalText":"постоянно"}}]}"""
                .formatted(q(title), today, q("+cmd|' /C calc'!A0")), 201);
        long meetingId = meeting.get("id").asLong();
        api("POST", "/api/v1/meetings/" + meetingId + "/sign?version=" + meeting.get("version").asLong(), "sonkovo.mouo", null, 200);
        Map<String, Object> record = jdbc.queryForMap("""
                select e.id, e.version from execution e join decision d on d.id = e.decision_id
                where d.meeting_id = ? and e.org_unit_id = ?""", meetingId, fixtures.org("МОУ «Берёзовская СОШ»").id());
        api("PATCH", "/api/v1/executions/" + record.get("id"), "sonkovo.school",
                "{\"status\":\"IN_PROGRESS\",\"report\":\"=1+1\",\"version\":%s}".formatted(record.get("version")), 200);

        for (String export : List.of("/executions.xlsx?meetingId=" + meetingId, "/meetings.xlsx",
                "/meetings/" + meetingId + "/decisions.xlsx")) {
            List<Cell> cells = xlsxCells(export, "sonkovo.mouo");
            List<Cell> formulaLike = cells.stream().filter(c -> c.getCellType() != CellType.NUMERIC
                    && c.getCellType() != CellType.BLANK && text(c).matches("(?s)[=+\\-@].*")).toList();
            assertThat(cells.stream().map(StoredMarkupTest::text)).as(export)
                    .anyMatch(s -> s.equals("=1+1") || s.startsWith(title) || s.startsWith("+cmd"));
            assertThat(formulaLike).as(export).allSatisfy(c -> assertThat(c.getCellType()).isEqualTo(CellType.STRING));
            assertThat(cells).as(export).noneMatch(c -> c.getCellType() == CellType.FORMULA);
        }
    }

    private JsonNode api(String method, String url, String user, String body, int expected) throws Exception {
        var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), url)
                .with(DemoUsers.api(user)).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s %s: %s", method, url, text).isEqualTo(expected);
        return text.isEmpty() ? null : json.readTree(text);
    }

    private byte[] download(String url, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(url).with(users.page(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    private String docxText(String url, String user) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(download(url, user)));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private List<String> xlsxStrings(String url, String user) throws Exception {
        return xlsxCells(url, user).stream().map(StoredMarkupTest::text).toList();
    }

    private List<Cell> xlsxCells(String url, String user) throws Exception {
        List<Cell> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(url, user)))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    row.forEach(cells::add);
                }
            }
        }
        return cells;
    }

    private static String text(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case FORMULA -> "=" + cell.getCellFormula();
            default -> "";
        };
    }

    private String q(String text) throws Exception {
        return json.writeValueAsString(text);
    }
}
