package ru.rsoko.results.domain;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.CellText;
import ru.rsoko.platform.spreadsheet.StreamedWorkbook;
import ru.rsoko.results.Subject;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The results workbook the product gives and takes back (README, «Шаблон результатов процедуры»): one row per school,
 * grade and subject of the procedure. Its first row names the template and the procedure it was made for, the second
 * holds the headers; the yellow cells are filled in.
 */
final class ResultWorkbook {

    static final String SHEET = "Результаты";
    static final String MARKER = "РСОКО: результаты процедуры";
    static final int PROCEDURE_CELL = 2, NOTE_CELL = 3;

    static final List<String> HEADERS = List.of("ID ОО", "Муниципалитет", "ОО", "Класс", "Предмет", "Участников",
            "«2»", "«3»", "«4»", "«5»", "Средний первичный балл", "Понизили", "Подтвердили", "Повысили");
    static final int SCHOOL_ID = 0, MUNICIPALITY = 1, SCHOOL = 2, GRADE = 3, SUBJECT = 4, PARTICIPANTS = 5, MARK2 = 6,
            MARK3 = 7, MARK4 = 8, MARK5 = 9, MEAN = 10, LOWERED = 11, CONFIRMED = 12, RAISED = 13;
    private static final int[] WIDTHS = {10, 30, 45, 8, 20, 12, 8, 8, 8, 8, 14, 12, 13, 12};

    private ResultWorkbook() {
    }

    static void write(OutputStream out, Procedure procedure, Consumer<Consumer<ResultQueries.Line>> producer)
            throws IOException {
        try (SXSSFWorkbook workbook = new StreamedWorkbook(200, true)) {
            SXSSFSheet sheet = workbook.createSheet(SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle plain = workbook.getCellStyleAt(0);
            CellStyle editable = workbook.createCellStyle();
            editable.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            editable.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Row marker = sheet.createRow(0);
            marker.createCell(0).setCellValue(MARKER);
            marker.getCell(0).setCellStyle(header);
            marker.createCell(1).setCellValue("процедура");
            marker.createCell(PROCEDURE_CELL).setCellValue(procedure.id());
            marker.createCell(NOTE_CELL).setCellValue(CellText.fit("«" + procedure.title() + "», " + procedure.periodText()
                    + ". Не меняйте эту строку и заголовки. Заполните число участников, число отметок «2»–«5» (их сумма "
                    + "равна числу участников), средний первичный балл и, если есть, сравнение с отметками по журналу "
                    + "(понизили + подтвердили + повысили не больше числа участников). Строка без чисел ничего не меняет; "
                    + "строку можно добавить, указав ID ОО, класс и предмет."));

            Row headers = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = headers.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 2);
            int[] next = {2};
            producer.accept(line -> {
                Row row = sheet.createRow(next[0]++);
                cell(row, SCHOOL_ID, plain).setCellValue(line.schoolId());
                if (line.municipalityName() != null) {
                    cell(row, MUNICIPALITY, plain).setCellValue(line.municipalityName());
                }
                cell(row, SCHOOL, plain).setCellValue(CellText.fit(line.schoolName()));
                cell(row, GRADE, plain).setCellValue(line.grade());
                Subject subject = ResultFigures.subject(line.subject());
                cell(row, SUBJECT, plain).setCellValue(subject == null ? line.subject() : subject.label());
                number(row, PARTICIPANTS, editable, line.participants());
                number(row, MARK2, editable, line.mark2());
                number(row, MARK3, editable, line.mark3());
                number(row, MARK4, editable, line.mark4());
                number(row, MARK5, editable, line.mark5());
                Cell mean = cell(row, MEAN, editable);
                if (line.meanScore() != null) {
                    mean.setCellValue(line.meanScore().doubleValue());
                }
                number(row, LOWERED, editable, line.lowered());
                number(row, CONFIRMED, editable, line.confirmed());
                number(row, RAISED, editable, line.raised());
            });
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next[0] - 1), 0, HEADERS.size() - 1));
            workbook.write(out);
        }
    }

    private static void number(Row row, int column, CellStyle style, @Nullable Integer value) {
        Cell cell = cell(row, column, style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
