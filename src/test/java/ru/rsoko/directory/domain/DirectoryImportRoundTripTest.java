package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.directory.domain.DirectoryExcel.HEADERS;
import static ru.rsoko.directory.domain.DirectoryExcel.ID;
import static ru.rsoko.directory.domain.DirectoryExcel.NAME;
import static ru.rsoko.directory.domain.DirectoryExcel.SHORT_NAME;

/** A list downloaded from the directory, corrected in Excel and uploaded back, changes what was corrected and only that. */
@IntegrationTest
class DirectoryImportRoundTripTest {

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

    /** Every column of every organisation, version included: the whole directory as the database holds it. */
    Map<Long, Map<String, Object>> snapshot() {
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from org_unit")) {
            rows.put(((Number) row.get("id")).longValue(), row);
        }
        return rows;
    }

    @Test
    void anExportedMunicipalityCorrectedInExcelLoadsBackWithOnlyTheCorrections() throws Exception {
        OrgUnit municipality = imports.municipalityWithSchools("Выгружаемый МО " + n,
                "МОУ «Альфа СОШ» " + n, "МОУ «Бета СОШ» " + n, "МОУ «Гамма ООШ» " + n);
        long alpha = ((Number) imports.unit("МОУ «Альфа СОШ» " + n).get("id")).longValue();
        long beta = ((Number) imports.unit("МОУ «Бета СОШ» " + n).get("id")).longValue();

        byte[] exported = mvc.perform(get("/directory/" + municipality.id() + ".xlsx").with(users.page("admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        Map<Long, Map<String, Object>> before = snapshot();
        byte[] corrected;
        try (XSSFWorkbook workbook = ImportWorkbooks.open(exported)) {
            Sheet sheet = workbook.getSheet(DirectoryExcel.SHEET);
            assertThat(sheet).as("the export's sheet").isNotNull();
            DataFormatter text = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(text.formatCellValue(cell)));
            assertThat(header).as("the export has the import's columns").isEqualTo(HEADERS);
            assertThat(sheet.getLastRowNum()).as("three schools").isEqualTo(3);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                long id = (long) row.getCell(ID).getNumericCellValue();
                if (id == alpha) {
                    retype(row, SHORT_NAME, "Альфа " + n);
                } else if (id == beta) {
                    retype(row, NAME, "МОУ «Бета СОШ имени Пушкина» " + n);
                }
            }
            corrected = ImportWorkbooks.bytes(workbook);
        }

        DirectoryImportService.Summary summary = imports.accepted(imports.tver(), corrected);

        assertThat(summary.created()).isZero();
        assertThat(summary.updated()).isEqualTo(2);
        assertThat(summary.unchanged()).isEqualTo(1);
        Map<Long, Map<String, Object>> after = snapshot();
        assertThat(after.keySet()).as("no organisation added or removed").isEqualTo(before.keySet());
        assertThat(after.get(alpha).get("short_name")).isEqualTo("Альфа " + n);
        assertThat(after.get(beta).get("name")).isEqualTo("МОУ «Бета СОШ имени Пушкина» " + n);
        Map<Long, Map<String, Object>> changed = new HashMap<>();
        after.forEach((id, row) -> {
            if (!row.equals(before.get(id))) {
                changed.put(id, row);
            }
        });
        assertThat(changed.keySet()).as("organisations that changed").containsExactlyInAnyOrder(alpha, beta);
        assertThat(without(after.get(alpha), "short_name", "version")).isEqualTo(without(before.get(alpha), "short_name", "version"));
        assertThat(without(after.get(beta), "name", "version")).isEqualTo(without(before.get(beta), "name", "version"));

        // the region's full list, downloaded by its own administrator, loads back as it is
        byte[] wholeRegion = mvc.perform(get("/directory.xlsx").param("status", "all").with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<Long, Map<String, Object>> beforeRegion = snapshot();
        ImportDriver.Outcome again = imports.upload("tver.admin", imports.tver(), wholeRegion);
        assertThat(again.errors()).as("errors").isNull();
        assertThat(again.summary().created()).isZero();
        assertThat(again.summary().updated()).isZero();
        assertThat(snapshot()).isEqualTo(beforeRegion);
    }

    /**
     * Types a new value over a cell as Excel does. The export is streamed with inline strings, and POI's
     * setCellValue on an inline-string cell adds the new text but keeps the old one beside it, which no
     * spreadsheet program would write; so the cell is made anew.
     */
    private static void retype(Row row, int column, String value) {
        Cell old = row.getCell(column);
        if (old != null) {
            row.removeCell(old);
        }
        row.createCell(column).setCellValue(value);
    }

    private static Map<String, Object> without(Map<String, Object> row, String... columns) {
        Map<String, Object> copy = new HashMap<>(row);
        for (String column : columns) {
            copy.remove(column);
        }
        return copy;
    }
}
