package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import ru.rsoko.platform.spreadsheet.CellText;

/**
 * The template of a list upload: the sheet «Список» with the list as it stands (so that a person edits it and
 * uploads it back), and the sheet «Школы региона» to look up the ID of a school to add.
 */
public final class SchoolListWorkbook {

    public static final String SHEET = "Список";
    public static final String ID = "ID ОО";
    public static final String SCHOOL = "ОО";
    public static final String MUNICIPALITY = "Муниципалитет";
    public static final String KIND = "Вид списка (ШНОР / Признаки необъективности)";
    public static final String BASIS = "Основание";
    public static final List<String> HEADERS = List.of(ID, SCHOOL, MUNICIPALITY, KIND, BASIS);

    public record School(long id, String name, String municipality) {
    }

    private SchoolListWorkbook() {
    }

    public static void template(OutputStream out, ListKind kind, List<SchoolListService.Row> current, List<School> schools)
            throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            Sheet list = book.createSheet(SHEET);
            int[] widths = {10, 50, 30, 26, 60};
            Row top = list.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = top.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                list.setColumnWidth(i, widths[i] * 256);
            }
            list.createFreezePane(0, 1);
            int r = 1;
            for (SchoolListService.Row entry : current) {
                Row row = list.createRow(r++);
                row.createCell(0).setCellValue(entry.schoolId());
                row.createCell(1).setCellValue(CellText.fit(entry.schoolName()));
                row.createCell(2).setCellValue(entry.municipalityName() == null ? "" : entry.municipalityName());
                row.createCell(3).setCellValue(kind.label());
                if (entry.basis() != null) {
                    row.createCell(4).setCellValue(CellText.fit(entry.basis()));
                }
            }

            Sheet directory = book.createSheet("Школы региона");
            Row head = directory.createRow(0);
            String[] names = {ID, SCHOOL, MUNICIPALITY};
            int[] dirWidths = {10, 60, 36};
            for (int i = 0; i < names.length; i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(names[i]);
                cell.setCellStyle(header);
                directory.setColumnWidth(i, dirWidths[i] * 256);
            }
            directory.createFreezePane(0, 1);
            int d = 1;
            for (School s : schools) {
                Row row = directory.createRow(d++);
                row.createCell(0).setCellValue(s.id());
                row.createCell(1).setCellValue(CellText.fit(s.name()));
                row.createCell(2).setCellValue(s.municipality() == null ? "" : s.municipality());
            }
            book.write(out);
        }
    }
}
