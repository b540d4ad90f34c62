package ru.rsoko.vsoko.framework;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import ru.rsoko.platform.spreadsheet.CellText;
import ru.rsoko.platform.spreadsheet.StreamedWorkbook;

/**
 * A framework as a workbook: the sheet «Показатели», one row per indicator (a direction without indicators
 * takes a row of its own), and the sheet «Пороги». The import reads exactly this layout, so a framework
 * exported and imported again is the same framework.
 */
final class FrameworkExcel {

    static final String SHEET = "Показатели";
    static final String THRESHOLDS_SHEET = "Пороги";
    static final List<String> HEADERS = List.of("Код направления", "Направление", "Код показателя", "Показатель", "Тип",
            "Баллы", "Цель (число)", "Варианты", "Ссылка обязательна");
    static final int DIRECTION_CODE = 0, DIRECTION = 1, CODE = 2, WORDING = 3, TYPE = 4, POINTS = 5, TARGET = 6,
            OPTIONS = 7, EVIDENCE = 8;
    static final List<String> THRESHOLD_HEADERS = List.of("Сформирована от, %", "Частично от, %");
    private static final int[] WIDTHS = {12, 40, 12, 70, 10, 8, 10, 40, 12};

    private FrameworkExcel() {
    }

    static void write(FrameworkView framework, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new StreamedWorkbook(200)) {
            CellStyle header = headerStyle(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            header(sheet, HEADERS, header);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int r = 1;
            for (FrameworkView.DirectionView d : framework.directions()) {
                if (d.indicators().isEmpty()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(DIRECTION_CODE).setCellValue(d.code());
                    row.createCell(DIRECTION).setCellValue(CellText.fit(d.name()));
                }
                for (FrameworkView.IndicatorView i : d.indicators()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(DIRECTION_CODE).setCellValue(d.code());
                    row.createCell(DIRECTION).setCellValue(CellText.fit(d.name()));
                    row.createCell(CODE).setCellValue(i.code());
                    row.createCell(WORDING).setCellValue(CellText.fit(i.wording()));
                    row.createCell(TYPE).setCellValue(FrameworkRules.typeLabel(i.valueType()));
                    number(row.createCell(POINTS), i.points());
                    number(row.createCell(TARGET), i.target());
                    if (!i.options().isEmpty()) {
                        row.createCell(OPTIONS).setCellValue(CellText.fit(FrameworkRules.optionsText(i.options())));
                    }
                    row.createCell(EVIDENCE).setCellValue(i.evidenceRequired() ? "да" : "нет");
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.size() - 1));

            Sheet thresholds = workbook.createSheet(THRESHOLDS_SHEET);
            header(thresholds, THRESHOLD_HEADERS, header);
            thresholds.setColumnWidth(0, 22 * 256);
            thresholds.setColumnWidth(1, 22 * 256);
            Row row = thresholds.createRow(1);
            number(row.createCell(0), framework.formedFrom());
            number(row.createCell(1), framework.partialFrom());
            workbook.write(out);
        }
    }

    private static void header(Sheet sheet, List<String> headers, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(style);
        }
    }

    private static void number(Cell cell, BigDecimal value) {
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
