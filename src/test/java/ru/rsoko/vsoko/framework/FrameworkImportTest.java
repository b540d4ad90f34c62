package ru.rsoko.vsoko.framework;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.VsokoDemoData;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** A framework's workbook: exported and imported again it is the same framework; a wrong file saves nothing. */
@IntegrationTest
class FrameworkImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;

    record Formula(String expression) {
    }

    static final Object[] HEADER = FrameworkExcel.HEADERS.toArray();

    static byte[] book(Object[]... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(FrameworkExcel.SHEET);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    switch (v) {
                        case null -> {
                        }
                        case Number n -> row.createCell(c).setCellValue(n.doubleValue());
                        case Formula f -> row.createCell(c).setCellFormula(f.expression());
                        default -> row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static Object[] indicator(String code, String type, Object points, Object target, String options) {
        return new Object[]{"1", "Оценка подготовки", code, "Показатель " + code, type, points, target, options, "нет"};
    }

    long id(String name) {
        return jdbc.queryForObject("select id from vsoko_framework where name = ?", Long.class, name);
    }

    long frameworks() {
        return jdbc.queryForObject("select (select count(*) from vsoko_framework) + (select count(*) from vsoko_indicator) "
                + "+ (select count(*) from vsoko_direction)", Long.class);
    }

    MvcResult upload(String name, byte[] file) throws Exception {
        return mvc.perform(multipart("/vsoko/frameworks/import")
                        .file(new MockMultipartFile("file", "набор.xlsx", XlsxDownload.CONTENT_TYPE, file))
                        .param("name", name).param("year", "2025")
                        .with(csrf()).with(users.page("tver.coko")))
                .andReturn();
    }

    /** The page's answer to a refused file; nothing was written. */
    String rejected(byte[] file) throws Exception {
        long before = frameworks();
        MvcResult result = upload("Отклонённый " + System.nanoTime(), file);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Файл не загружен, ничего не сохранено.");
        assertThat(frameworks()).isEqualTo(before);
        return html;
    }

    /** A parsed JSON value without its "id" and "version" members, at any depth. */
    static Object content(Object json) {
        if (json instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!"id".equals(k) && !"version".equals(k)) {
                    copy.put(k, content(v));
                }
            });
            return copy;
        }
        if (json instanceof java.util.List<?> list) {
            return list.stream().map(FrameworkImportTest::content).toList();
        }
        return json;
    }

    String json(long id) throws Exception {
        return mvc.perform(get("/api/v1/vsoko/frameworks/{id}", id).with(api("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anExportedFrameworkImportsAsTheSameFramework() throws Exception {
        long source = id(VsokoDemoData.FRAMEWORK_2022);
        byte[] exported = mvc.perform(get("/vsoko/frameworks/{id}.xlsx", source).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String name = "Загруженный набор " + System.nanoTime();
        MvcResult result = upload(name, exported);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        long imported = id(name);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/vsoko/frameworks/" + imported);

        String a = json(source);
        String b = json(imported);
        // the same content; ids and versions are each record's own
        assertThat(content(JsonPath.read(b, "$.directions"))).isEqualTo(content(JsonPath.read(a, "$.directions")));
        assertThat((Object) JsonPath.read(b, "$.thresholds")).isEqualTo(JsonPath.read(a, "$.thresholds"));
        assertThat((Object) JsonPath.read(b, "$.year")).isEqualTo(2025);
        assertThat((Object) JsonPath.read(b, "$.sample")).isEqualTo(false);

        // and its own export is the same workbook content again
        byte[] again = mvc.perform(get("/vsoko/frameworks/{id}.xlsx", imported).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(again)).isEqualTo(cells(exported));
    }

    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> all = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> line = new ArrayList<>();
                    row.forEach(c -> line.add(c.toString()));
                    all.add(line);
                }
            }
        }
        return all;
    }

    @Test
    void everyBadRowIsReportedAndNothingIsSaved() throws Exception {
        String html = rejected(book(HEADER,
                indicator("1.01", "да/нет", 1, null, null),
                indicator("1.01", "да/нет", 1, null, null),
                indicator("1.03", "текст", 1, null, null),
                indicator("1.04", "да/нет", -1, null, null),
                indicator("1.05", "да/нет", new Formula("1+1"), null, null),
                indicator("1.06", "выбор", null, null, "да = 2; частично")));
        assertThat(html).contains("Код показателя «1.01» повторяется в файле (см. строку 2): коды показателей в наборе не повторяются.");
        assertThat(html).contains("Неизвестный тип «текст»: укажите да/нет, число, процент или выбор.");
        assertThat(html).contains("Баллы не могут быть отрицательными: указано «-1».");
        assertThat(html).contains("В ячейке формула «=1+1»: формулы не принимаются. Замените её значением (Копировать → Специальная вставка → Значения).");
        assertThat(html).contains("Вариант «частично» записан неверно: пишите «вариант = баллы; вариант = баллы», баллы — число не меньше 0.");
        assertThat(html).contains("Найдено ошибок: <span>5</span>");
    }

    @Test
    void aSheetOfAnotherLayoutIsRefusedByItsFirstWrongColumn() throws Exception {
        Object[] header = Arrays.copyOf(HEADER, HEADER.length);
        header[4] = "Вид";
        String html = rejected(book(header, indicator("1.01", "да/нет", 1, null, null)));
        assertThat(html).contains("Столбец E должен называться «Тип», а в файле — «Вид». " + FrameworkImportService.EXPECTED_COLUMNS);
    }

    @Test
    void anEmptyOrBrokenFileIsRefused() throws Exception {
        assertThat(rejected(new byte[0])).contains("Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx).");
        byte[] whole = book(HEADER, indicator("1.01", "да/нет", 1, null, null));
        assertThat(rejected(Arrays.copyOf(whole, whole.length / 2)))
                .contains("Файл повреждён или не является книгой Excel (.xlsx). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».");
        assertThat(rejected("Код;Показатель\n1.01;Текст".getBytes(StandardCharsets.UTF_8)))
                .contains("Файл не является книгой Excel (.xlsx): возможно, это текст или CSV.");
        assertThat(rejected(book(HEADER))).contains("В файле нет ни одного показателя под заголовком.");
        assertThat(rejected(book())).contains("Лист «Показатели» пустой: нет строки заголовков.");
    }

    @Test
    void onlyRegionalStaffImport() throws Exception {
        mvc.perform(get("/vsoko/frameworks/import").with(users.page("sonkovo.mouo"))).andExpect(status().isForbidden());
        mvc.perform(get("/vsoko/frameworks/import").with(users.page("tver.coko"))).andExpect(status().isOk());
    }
}
