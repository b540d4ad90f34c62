package ru.rsoko.platform.spreadsheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A table as a person sees it on a page, written as a streamed .xlsx sheet: a bold header, frozen, with
 * filters; dates as real Excel dates in dd.mm.yyyy; numbers as numbers. Rows are pushed one by one, so a
 * list of any length never sits in memory.
 */
public final class XlsxTable<T> {

    private record Column<T>(String header, int width, Function<T, ?> value) {
    }

    private final String sheetName;
    private final List<Column<T>> columns = new ArrayList<>();
    private ZoneId zone = ZoneId.of("Europe/Moscow");

    private XlsxTable(String sheetName) {
        this.sheetName = sheetName;
    }

    public static <T> XlsxTable<T> of(String sheetName, Class<T> rowType) {
        return new XlsxTable<>(sheetName);
    }

    public XlsxTable<T> column(String header, int widthInChars, Function<T, ?> value) {
        columns.add(new Column<>(header, widthInChars, value));
        return this;
    }

    public XlsxTable<T> column(String header, Function<T, ?> value) {
        return column(header, Math.max(12, header.length() + 2), value);
    }

    /** The zone instants are shown in: the reader's region. */
    public XlsxTable<T> zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public void write(OutputStream out, Iterable<? extends T> rows) throws IOException {
        write(out, sink -> rows.forEach(sink));
    }

    /** Writes the workbook; {@code producer} pushes the rows, e.g. page by page from the database. */
    public void write(OutputStream out, Consumer<Consumer<T>> producer) throws IOException {
        try (SXSSFWorkbook workbook = new StreamedWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(safeSheetName(sheetName));
            Styles styles = new Styles(workbook);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] rowIndex = {1};
            producer.accept(item -> {
                Row row = sheet.createRow(rowIndex[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    setValue(row.createCell(i), columns.get(i).value().apply(item), styles);
                }
            });
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex[0] - 1), 0, columns.size() - 1));
            }
            workbook.write(out);
        }
    }

    private void setValue(Cell cell, Object value, Styles styles) {
        // every cell gets a style: an unstyled one makes SXSSF look up its column's style in the sheet's XML beans
        // (the columns have widths), which costs more than writing the cell
        cell.setCellStyle(styles.plain);
        switch (value) {
            case null -> {
            }
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b ? "да" : "нет");
            case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            }
            case LocalDateTime d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.dateTime);
            }
            case Instant i -> {
                cell.setCellValue(i.atZone(zone).toLocalDateTime());
                cell.setCellStyle(styles.dateTime);
            }
            default -> cell.setCellValue(CellText.fit(value.toString()));
        }
    }

    static String safeSheetName(String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Лист1";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    private static final class Styles {
        final CellStyle plain;
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            plain = workbook.getCellStyleAt(0);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
        }
    }
}
