package ru.rsoko.platform.spreadsheet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link XlsxReader} makes of each kind of cell, in a book with shared strings (XSSF, as Excel saves) and one with
 * inline strings (SXSSF, as the product's templates are written): the sheet chosen by name, row numbers as Excel
 * shows them, gaps as blank cells, numbers with their text as Excel shows them, dates as text, booleans, formulas,
 * errors, rich text and Excel's escapes of control characters.
 */
class XlsxReaderCellsTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyKindOfCellIsReadAsTheImportsExpect(boolean streamed) throws Exception {
        byte[] book = book(streamed);
        List<SheetRow> rows = new ArrayList<>();
        XlsxReader.read(new ByteArrayInputStream(book), "Данные", rows::add);

        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 5);
        SheetRow first = rows.get(0);
        assertThat(first.cell(0)).isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "текст", null));
        assertThat(first.cell(1)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "42", 42.0));
        assertThat(first.cell(2)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "3,5", 3.5));
        assertThat(first.cell(3)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "75%", 0.75));
        assertThat(first.cell(4)).isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "15.03.2026", null));
        assertThat(first.cell(5)).isEqualTo(new SheetCell(SheetCell.Kind.BOOLEAN, "да", null));
        assertThat(first.cell(6)).isEqualTo(new SheetCell(SheetCell.Kind.BOOLEAN, "нет", null));
        assertThat(first.cell(7)).isEqualTo(SheetCell.BLANK);
        assertThat(first.cell(8)).isEqualTo(new SheetCell(SheetCell.Kind.FORMULA, "=1+1", null));
        assertThat(first.cell(9).kind()).isEqualTo(SheetCell.Kind.ERROR);
        assertThat(first.cell(9).value()).isEqualTo("#ОШИБКА");
        assertThat(first.cell(10)).as("the value and the text Excel shows").isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "1,23E+07", 12345678.0));
        assertThat(first.cell(11).isBlank()).as("past the last cell").isTrue();

        SheetRow second = rows.get(1);
        assertThat(second.cell(0)).as("a gap before the first cell").isEqualTo(SheetCell.BLANK);
        assertThat(second.cell(2)).as("control characters dropped, tabs and line breaks kept")
                .isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "до после\tи\nещё", null));
        assertThat(second.cell(3)).as("rich text read whole").isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "жирный и обычный", null));
        assertThat(second.cell(4)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "0,1", 0.1));
        assertThat(second.cell(5)).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, "-7", -7.0));
        assertThat(second.cell(6)).as("text that looks like a number stays text").isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "007", null));
        assertThat(second.cell(6).value()).isEqualTo("007");

        assertThat(rows.get(2).cell(0)).as("a repeated string").isEqualTo(new SheetCell(SheetCell.Kind.TEXT, "текст", null));
        assertThat(rows.get(2).cell(1).value()).as("trimmed as the user sees it").isEqualTo("пробелы");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutTheNamedSheetTheFirstIsReadAndAnOptionalSheetOnlyWhenPresent(boolean streamed) throws Exception {
        byte[] book = book(streamed);
        List<SheetRow> rows = new ArrayList<>();
        List<SheetRow> optional = new ArrayList<>();
        XlsxReader.read(new ByteArrayInputStream(book), "Нет такого", rows::add, "Второй", optional::add);
        assertThat(rows.get(0).cell(0).value()).isEqualTo("первый лист");
        assertThat(optional).hasSize(1);
        assertThat(optional.get(0).cell(0).value()).isEqualTo("второй лист");

        List<SheetRow> none = new ArrayList<>();
        XlsxReader.read(new ByteArrayInputStream(book), "данные", rows::add, "Третий", none::add);
        assertThat(none).as("no optional sheet, nothing read").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anExceptionOfTheReaderOfRowsStopsTheReadingAndIsThrownAsItIs(boolean streamed) throws Exception {
        byte[] book = book(streamed);
        IllegalStateException stop = new IllegalStateException("довольно");
        List<SheetRow> rows = new ArrayList<>();
        assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(book), "Данные", row -> {
            rows.add(row);
            throw stop;
        })).isSameAs(stop);
        assertThat(rows).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void excelsEscapesAreDecodedAsPoiDoes() {
        assertThat(XlsxParts.decode("a_x0000_b_x001B_c")).isEqualTo("a\u0000b\u001Bc");
        assertThat(XlsxParts.decode("_x00e9_")).isEqualTo("é");
        assertThat(XlsxParts.decode("_x12_ _xZZZZ_ _x0041")).isEqualTo("_x12_ _xZZZZ_ _x0041");
        assertThat(XlsxParts.decode("без экранирования")).isEqualTo("без экранирования");
    }

    private static byte[] book(boolean streamed) throws Exception {
        try (Workbook book = streamed ? new SXSSFWorkbook(10) : new XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Первый").createRow(0).createCell(0).setCellValue("первый лист");
            Sheet sheet = book.createSheet("Данные");
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle rounded = book.createCellStyle();
            rounded.setDataFormat(book.createDataFormat().getFormat("0.00E+00"));
            Row r = sheet.createRow(0);
            r.createCell(0).setCellValue("текст");
            r.createCell(1).setCellValue(42);
            r.createCell(2).setCellValue(3.5);
            r.createCell(3).setCellValue(0.75);
            r.getCell(3).setCellStyle(percent);
            r.createCell(4).setCellValue(LocalDate.of(2026, 3, 15));
            r.getCell(4).setCellStyle(date);
            r.createCell(5).setCellValue(true);
            r.createCell(6).setCellValue(false);
            r.createCell(7);
            r.createCell(8).setCellFormula("1+1");
            r.createCell(9).setCellErrorValue(FormulaError.DIV0.getCode());
            r.createCell(10).setCellValue(12345678);
            r.getCell(10).setCellStyle(rounded);
            Row second = sheet.createRow(1);
            second.createCell(2).setCellValue("до_x001B_ после\tи\nещё"); // as Excel keeps ESC
            XSSFRichTextString rich = new XSSFRichTextString("жирный и обычный");
            var bold = book.createFont();
            bold.setBold(true);
            rich.applyFont(0, 6, bold);
            second.createCell(3).setCellValue(rich);
            second.createCell(4).setCellValue(0.1);
            second.createCell(5).setCellValue(-7);
            second.createCell(6).setCellValue("007");
            Row fifth = sheet.createRow(4);
            fifth.createCell(0).setCellValue("текст");
            fifth.createCell(1).setCellValue("  пробелы ");
            book.createSheet("Второй").createRow(0).createCell(0).setCellValue("второй лист");
            book.write(out);
            return out.toByteArray();
        }
    }
}
