package ru.rsoko.platform.spreadsheet;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Control characters in an uploaded cell never reach the database (PostgreSQL refuses NUL in text): they are dropped. */
class ControlCharactersInCellsTest {

    @Test
    void nulEscAndOtherControlsAreDroppedTabsAndLineBreaksKept() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var row = book.createSheet("Лист1").createRow(0);
            row.createCell(0).setCellValue("до\u0000после");
            row.createCell(1).setCellValue("\u001b[31mкрасный\u001b[0m\u007F");
            row.createCell(2).setCellValue("строка 1\nстрока 2\tи\u202Eтак");
            book.write(out);
        }
        List<String> values = new ArrayList<>();
        XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), null, row -> row.cells().forEach(c -> values.add(c.text())));

        assertThat(values).containsExactly("допосле", "[31mкрасный[0m", "строка 1\nстрока 2\tи\u202Eтак");
    }
}
