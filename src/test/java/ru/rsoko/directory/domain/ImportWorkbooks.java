package ru.rsoko.directory.domain;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static ru.rsoko.directory.domain.DirectoryExcel.HEADERS;

/**
 * Workbooks for the import tests, built in memory with POI the way a person would fill them in Excel:
 * text cells, numbers where Excel would make a number, a formula where one is wanted.
 */
final class ImportWorkbooks {

    /** A formula cell, as Excel stores it (without a cached value, as POI writes it). */
    record Formula(String expression) {
    }

    /** A cell holding an Excel error such as #N/A, as left by a failed lookup pasted as values. */
    record ExcelError() {
    }

    private ImportWorkbooks() {
    }

    /** One data row in the template's column order; shorter arrays leave the remaining cells empty. */
    static Object[] row(Object... cells) {
        return Arrays.copyOf(cells, HEADERS.size());
    }

    static Object[] municipality(String name) {
        return row("Муниципалитет", name, null, "Тверская область");
    }

    static Object[] school(String name, String parent) {
        return row("Школа", name, null, parent);
    }

    /** A copy of the row with one cell changed. */
    static Object[] with(Object[] row, int column, Object value) {
        Object[] copy = Arrays.copyOf(row, Math.max(row.length, column + 1));
        copy[column] = value;
        return copy;
    }

    /** The template's sheet: the header, then the rows. */
    static byte[] book(Object[]... rows) {
        List<Object[]> all = new ArrayList<>();
        all.add(HEADERS.toArray());
        all.addAll(List.of(rows));
        return sheet(DirectoryExcel.SHEET, all);
    }

    /** A sheet with exactly these rows (the first is whatever header the test wants). */
    static byte[] sheet(String name, List<Object[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    set(row, c, values[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    private static void set(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case Formula f -> cell.setCellFormula(f.expression());
            case ExcelError e -> cell.setCellErrorValue(FormulaError.NA.getCode());
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b);
            default -> cell.setCellValue(value.toString());
        }
    }
}
