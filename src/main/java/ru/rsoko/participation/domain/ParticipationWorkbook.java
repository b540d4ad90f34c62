package ru.rsoko.participation.domain;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.plan.Procedure;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import ru.rsoko.platform.spreadsheet.CellText;
import ru.rsoko.platform.spreadsheet.StreamedWorkbook;

/**
 * The participation workbook the product gives and takes back: one row per participating school and grade. Its first
 * row names the template and the procedure it was made for, so that a workbook of another procedure (or any other
 * workbook) is refused before a figure is read; the second row holds the column headers.
 */
final class ParticipationWorkbook {

    static final String SHEET = "Участие";
    static final String MARKER = "РСОКО: участие в процедуре";
    static final int PROCEDURE_CELL = 2, NOTE_CELL = 3;

    static final List<String> HEADERS = List.of("ID ОО", "Муниципалитет", "ОО", "Класс", Figures.PUPILS,
            Figures.PARTICIPANTS, Figures.OBSERVERS + " (да/нет)", "Примечание");
    static final int SCHOOL_ID = 0, MUNICIPALITY = 1, SCHOOL = 2, GRADE = 3, PUPILS = 4, PARTICIPANTS = 5, OBSERVERS = 6,
            NOTE = 7;
    private static final int[] WIDTHS = {10, 30, 45, 8, 16, 16, 18, 40};
    static final String FROM_DIRECTORY = "обучающихся — из справочника";

    /** The second sheet: each school's requisites as the directory has them, so that nobody types them again. */
    static final String SCHOOLS_SHEET = "Сведения об ОО";
    static final List<String> SCHOOL_HEADERS = List.of("ID ОО", "Муниципалитет", "ОО", "Руководитель", "Адрес", "Телефон",
            "E-mail", "ИНН");
    private static final int[] SCHOOL_WIDTHS = {10, 30, 45, 32, 45, 20, 28, 14};

    private ParticipationWorkbook() {
    }

    static void write(OutputStream out, Procedure procedure, SchoolYear schoolYear, List<OrgUnit> schools,
                      Consumer<Consumer<ParticipationQueries.Line>> producer) throws IOException {
        // shared strings, not inline ones: a cell typed over keeps no trace of the old text in any reader
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
                    + ". Не меняйте эту строку и заголовки; заполните числа обучающихся и участников и «да»/«нет» "
                    + "для наблюдателей. Строка без чисел ничего не меняет. Число обучающихся без данных подставлено из "
                    + "справочника за " + schoolYear + " учебный год; строка только с ним ничего не меняет, а введённое "
                    + "число обучающихся сохранится и в справочнике."));

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
                // a style on every cell: an unstyled one makes SXSSF look up its column's style in the XML beans
                plain(row, SCHOOL_ID, plain).setCellValue(line.schoolId());
                if (line.municipalityName() != null) {
                    plain(row, MUNICIPALITY, plain).setCellValue(line.municipalityName());
                }
                plain(row, SCHOOL, plain).setCellValue(CellText.fit(line.schoolName()));
                plain(row, GRADE, plain).setCellValue(line.grade());
                Cell pupils = row.createCell(PUPILS);
                pupils.setCellStyle(editable);
                if (line.pupils() != null) {
                    pupils.setCellValue(line.pupils());
                }
                Cell participants = row.createCell(PARTICIPANTS);
                participants.setCellStyle(editable);
                if (line.participants() != null) {
                    participants.setCellValue(line.participants());
                }
                Cell observers = row.createCell(OBSERVERS);
                observers.setCellStyle(editable);
                if (line.observers() != null) {
                    observers.setCellValue(line.observers() ? "да" : "нет");
                }
                if (line.pupilsFromDirectory()) {
                    plain(row, NOTE, plain).setCellValue(FROM_DIRECTORY);
                }
            });
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next[0] - 1), 0, HEADERS.size() - 1));

            SXSSFSheet requisites = workbook.createSheet(SCHOOLS_SHEET);
            Row titles = requisites.createRow(0);
            for (int i = 0; i < SCHOOL_HEADERS.size(); i++) {
                Cell cell = titles.createCell(i);
                cell.setCellValue(SCHOOL_HEADERS.get(i));
                cell.setCellStyle(header);
                requisites.setColumnWidth(i, SCHOOL_WIDTHS[i] * 256);
            }
            requisites.createFreezePane(0, 1);
            int r = 1;
            for (OrgUnit school : schools) {
                Row row = requisites.createRow(r++);
                plain(row, 0, plain).setCellValue(school.id());
                String[] values = {school.municipalityId() == null ? null : school.parentName(), school.name(),
                        school.headName(), school.address(), school.phone(), school.email(), school.inn()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        plain(row, i + 1, plain).setCellValue(values[i]);
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static Cell plain(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
