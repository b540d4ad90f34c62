package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.vsoko.framework.IndicatorOption;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.rsoko.platform.spreadsheet.CellText;
import ru.rsoko.platform.spreadsheet.StreamedWorkbook;

/**
 * The workbook of indicator values the product gives and takes back: one row per school and indicator. Its first
 * row names the template and the campaign and framework it was made for, so that a workbook of another campaign
 * (or any other workbook) is refused before a single value is read; the second row holds the column headers.
 * Written streamed (SXSSF): a region's 2,000 schools × 190 indicators never sit in memory.
 */
final class ValuesWorkbook {

    static final String SHEET = "Значения";
    static final String MARKER = "РСОКО: значения показателей ВСОКО";
    static final String CAMPAIGN_LABEL = "кампания";
    static final String FRAMEWORK_LABEL = "набор показателей";
    /** Column of the marker row holding the campaign's id, and the framework's. */
    static final int CAMPAIGN_CELL = 2, FRAMEWORK_CELL = 4, NOTE_CELL = 5;

    static final List<String> HEADERS = List.of("ID школы", "Школа", "Муниципалитет", "Код направления",
            "Код показателя", "Показатель", "Тип ответа", "Значение", "Ссылка на подтверждение", "Ссылка обязательна");
    static final int SCHOOL_ID = 0, SCHOOL = 1, MUNICIPALITY = 2, DIRECTION = 3, CODE = 4, WORDING = 5, TYPE = 6,
            VALUE = 7, LINK = 8, LINK_REQUIRED = 9;
    private static final int[] WIDTHS = {10, 45, 25, 12, 14, 70, 30, 18, 45, 12};

    /** One row of the template: a school, an indicator and the school's current answer. */
    record Line(long schoolId, String school, String municipality, Indicator indicator, BigDecimal value, String link) {
    }

    private ValuesWorkbook() {
    }

    /** The allowed answers as the person filling in the sheet needs them. */
    static String answerType(Indicator indicator) {
        return switch (indicator.getValueType()) {
            case YES_NO -> "да / нет";
            case NUMBER -> indicator.getTarget() == null ? "число" : "число (цель — " + Answers.show(indicator, indicator.getTarget()) + ")";
            case PERCENT -> "процент 0–100";
            case CHOICE -> "один из вариантов: " + String.join(" / ",
                    indicator.getOptions().stream().map(IndicatorOption::getLabel).toList());
        };
    }

    private static Cell plain(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    /** Column of the marker row holding the school's head, address and contacts when the template is one school's. */
    static final int REQUISITES_CELL = NOTE_CELL + 1;

    static void write(OutputStream out, Campaign campaign, Consumer<Consumer<Line>> producer) throws IOException {
        write(out, campaign, null, producer);
    }

    /**
     * @param requisites the school's head, address and contacts as the directory has them, for a template of one school
     *                   (null for several)
     */
    static void write(OutputStream out, Campaign campaign, String requisites, Consumer<Consumer<Line>> producer)
            throws IOException {
        try (SXSSFWorkbook workbook = new StreamedWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle editable = workbook.createCellStyle();
            editable.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            editable.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Row marker = sheet.createRow(0);
            marker.createCell(0).setCellValue(MARKER);
            marker.getCell(0).setCellStyle(header);
            marker.createCell(1).setCellValue(CAMPAIGN_LABEL);
            marker.createCell(CAMPAIGN_CELL).setCellValue(campaign.getId());
            marker.createCell(3).setCellValue(FRAMEWORK_LABEL);
            marker.createCell(FRAMEWORK_CELL).setCellValue(campaign.getFramework().getId());
            marker.createCell(NOTE_CELL).setCellValue(CellText.fit("«" + campaign.getName() + "». Не меняйте эту строку и заголовки; "
                    + "заполните столбцы «Значение» и «Ссылка на подтверждение». Пустая ячейка — без изменений."));
            if (requisites != null) {
                marker.createCell(REQUISITES_CELL).setCellValue(CellText.fit(requisites));
            }

            Row headers = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = headers.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 2);
            int[] next = {2};
            // every cell gets a style: an unstyled one makes SXSSF look up its column's style in the sheet's XML beans
            // (the columns have widths), which costs more than writing the cell
            CellStyle plain = workbook.getCellStyleAt(0);
            // what a row says of its indicator is worked out once per indicator, not once per school
            Map<Indicator, String> types = new HashMap<>();
            producer.accept(line -> {
                Row row = sheet.createRow(next[0]++);
                Indicator indicator = line.indicator();
                plain(row, SCHOOL_ID, plain).setCellValue(line.schoolId());
                plain(row, SCHOOL, plain).setCellValue(line.school());
                if (line.municipality() != null) {
                    plain(row, MUNICIPALITY, plain).setCellValue(line.municipality());
                }
                plain(row, DIRECTION, plain).setCellValue(indicator.getDirection().getCode());
                plain(row, CODE, plain).setCellValue(indicator.getCode());
                plain(row, WORDING, plain).setCellValue(CellText.fit(indicator.getWording()));
                plain(row, TYPE, plain).setCellValue(types.computeIfAbsent(indicator, ValuesWorkbook::answerType));
                Cell value = row.createCell(VALUE);
                value.setCellStyle(editable);
                if (line.value() != null) {
                    switch (indicator.getValueType()) {
                        case NUMBER, PERCENT -> value.setCellValue(line.value().doubleValue());
                        case YES_NO -> value.setCellValue(Answers.input(indicator.getValueType(), line.value()));
                        case CHOICE -> value.setCellValue(CellText.fit(Answers.show(indicator, line.value())));
                    }
                }
                Cell link = row.createCell(LINK);
                link.setCellStyle(editable);
                if (line.link() != null) {
                    link.setCellValue(CellText.fit(line.link()));
                }
                plain(row, LINK_REQUIRED, plain).setCellValue(indicator.isEvidenceRequired() ? "да" : "нет");
            });
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next[0] - 1), 0, HEADERS.size() - 1));
            workbook.write(out);
        }
    }
}
