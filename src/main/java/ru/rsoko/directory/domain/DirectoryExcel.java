package ru.rsoko.directory.domain;

import ru.rsoko.directory.GradePupils;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.directory.OrgUnitType;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RussianTimeZones;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import ru.rsoko.platform.spreadsheet.CellText;

/**
 * The directory's workbook layout, one for export and import alike: a list downloaded from the product can
 * be corrected and uploaded back. The last column, ID, lets an upload rename an organisation.
 */
public final class DirectoryExcel {

    static final String SHEET = "Организации";
    static final List<String> HEADERS = List.of("Тип", "Наименование", "Краткое наименование",
            "Вышестоящая организация", "ИНН", "Адрес", "Телефон", "E-mail", "Руководитель", "Часовой пояс",
            "Активна", "ID");
    /** Columns a file must have; ID may be left out. */
    static final int REQUIRED_COLUMNS = HEADERS.size() - 1;

    static final int TYPE = 0, NAME = 1, SHORT_NAME = 2, PARENT = 3, INN = 4, ADDRESS = 5, PHONE = 6, EMAIL = 7,
            HEAD = 8, TIME_ZONE = 9, ACTIVE = 10, ID = 11;

    /** The optional sheet of pupils per grade: one row per school and school year. */
    static final String PUPILS_SHEET = "Контингент";
    /** How errors of that sheet name their column: «Контингент: 5 класс». */
    static final String PUPILS_COLUMN = PUPILS_SHEET + ": ";
    static final List<String> PUPILS_HEADERS = List.of("ID", "Школа", "Муниципалитет", "Учебный год");
    static final int P_ID = 0, P_SCHOOL = 1, P_MUNICIPALITY = 2, P_YEAR = 3;

    private DirectoryExcel() {
    }

    public static XlsxTable<OrgUnit> exportTable(Formats formats) {
        return XlsxTable.of(SHEET, OrgUnit.class).zone(formats.zone())
                .column(HEADERS.get(TYPE), 15, u -> u.type().label())
                .column(HEADERS.get(NAME), 60, OrgUnit::name)
                .column(HEADERS.get(SHORT_NAME), 30, OrgUnit::shortName)
                .column(HEADERS.get(PARENT), 45, OrgUnit::parentName)
                .column(HEADERS.get(INN), 14, OrgUnit::inn)
                .column(HEADERS.get(ADDRESS), 40, OrgUnit::address)
                .column(HEADERS.get(PHONE), 18, OrgUnit::phone)
                .column(HEADERS.get(EMAIL), 24, OrgUnit::email)
                .column(HEADERS.get(HEAD), 28, OrgUnit::headName)
                .column(HEADERS.get(TIME_ZONE), 18, OrgUnit::timeZone)
                .column(HEADERS.get(ACTIVE), 10, OrgUnit::active)
                .column(HEADERS.get(ID), 10, OrgUnit::id);
    }

    /** An empty sheet with the columns and drop-down lists, and a sheet that explains how to fill it. */
    public static void template(OutputStream out, OrgUnit region, List<OrgUnit> parents) throws IOException {
        template(out, region, parents, null, List.of());
    }

    /**
     * The same, with the sheet «Контингент» listing the region's schools for the school year, without figures: those
     * typed in are uploaded with the rest, or alone; an empty cell changes nothing, so an old file never overwrites a
     * figure entered since.
     */
    public static void template(OutputStream out, OrgUnit region, List<OrgUnit> parents, SchoolYear year,
                                List<PupilsService.SchoolRow> schools) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            XSSFCellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row row = sheet.createRow(0);
            int[] widths = {15, 60, 30, 45, 14, 40, 18, 24, 28, 18, 10, 10};
            for (int i = 0; i < HEADERS.size(); i++) {
                row.createCell(i).setCellValue(HEADERS.get(i));
                row.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            addList(sheet, validations, TYPE, new String[]{OrgUnitType.MUNICIPALITY.label(), OrgUnitType.SCHOOL.label(),
                    OrgUnitType.INSTITUTION.label(), OrgUnitType.REGION.label()});
            addList(sheet, validations, ACTIVE, new String[]{"да", "нет"});

            Sheet help = workbook.createSheet("Инструкция");
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 110 * 256);
            String[][] lines = {
                    {"Регион загрузки", region.name()},
                    {"", ""},
                    {"Столбец", "Что указать"},
                    {"Тип", "Муниципалитет, Школа или Учреждение (строка типа «Регион» может только уточнить данные самого региона)"},
                    {"Наименование", "Полное наименование; в одной вышестоящей организации наименования не повторяются"},
                    {"Краткое наименование", "Необязательно: так организация показывается в таблицах"},
                    {"Вышестоящая организация", "Для муниципалитета — пусто или наименование региона; для школы и учреждения — наименование муниципалитета (как в справочнике или выше в этом файле) или пусто, если организация регионального подчинения"},
                    {"ИНН", "Необязательно: 10 цифр"},
                    {"Адрес, Телефон, E-mail, Руководитель", "Необязательно"},
                    {"Часовой пояс", "Только для строки региона, например Europe/Moscow"},
                    {"Активна", "да или нет; пусто — да"},
                    {"ID", "Пусто для новых организаций; номер из выгрузки — чтобы изменить, в том числе переименовать, существующую"},
                    {"", ""},
                    {"Как загружается", "Файл загружается целиком или не загружается совсем: при любой ошибке ничего не сохраняется, а список ошибок показывается по строкам. Организация с тем же наименованием в той же вышестоящей организации обновляется, новая — создаётся."},
                    {"", ""},
                    {"Муниципалитеты региона", ""},
            };
            int r = 0;
            for (String[] line : lines) {
                Row helpRow = help.createRow(r++);
                helpRow.createCell(0).setCellValue(line[0]);
                helpRow.createCell(1).setCellValue(line[1]);
            }
            for (OrgUnit parent : parents) {
                if (parent.type() == OrgUnitType.MUNICIPALITY) {
                    help.createRow(r++).createCell(1).setCellValue(CellText.fit(parent.name()));
                }
            }
            Row zones = help.createRow(++r);
            zones.createCell(0).setCellValue("Часовые пояса");
            for (var zone : RussianTimeZones.all().entrySet()) {
                Row zoneRow = help.createRow(++r);
                zoneRow.createCell(1).setCellValue(zone.getKey() + " — " + zone.getValue());
            }
            if (year != null) {
                r += 2;
                String[][] pupilsHelp = {
                        {"Лист «" + PUPILS_SHEET + "»", "Необязательно: число обучающихся по классам школ за учебный год. Школа — "
                                + "по ID из выгрузки или по наименованию (и муниципалитету), как в справочнике или в листе «Организации». "
                                + "Пустая ячейка класса ничего не меняет; число — целое от 0 до " + GradePupils.MAX + ". "
                                + "Лист перечисляет школы региона без чисел: укажите только то, что нужно внести или исправить "
                                + "(текущие числа — на карточке школы и в выгрузке «Контингент школ»), чтобы старый файл не "
                                + "затёр числа, внесённые позже."},
                        {"Учебный год", "Как «" + year + "»"},
                };
                for (String[] line : pupilsHelp) {
                    Row helpRow = help.createRow(r++);
                    helpRow.createCell(0).setCellValue(line[0]);
                    helpRow.createCell(1).setCellValue(line[1]);
                }
                Sheet pupils = workbook.createSheet(PUPILS_SHEET);
                Row head = pupils.createRow(0);
                List<String> headers = new java.util.ArrayList<>(PUPILS_HEADERS);
                PupilsService.GRADES.forEach(g -> headers.add(g + " класс"));
                for (int i = 0; i < headers.size(); i++) {
                    head.createCell(i).setCellValue(headers.get(i));
                    head.getCell(i).setCellStyle(header);
                    pupils.setColumnWidth(i, (i == P_SCHOOL ? 45 : i == P_MUNICIPALITY ? 30 : i == P_YEAR ? 12 : 9) * 256);
                }
                pupils.createFreezePane(0, 1);
                int p = 1;
                for (PupilsService.SchoolRow school : schools) {
                    Row line = pupils.createRow(p++);
                    line.createCell(P_ID).setCellValue(school.schoolId());
                    line.createCell(P_SCHOOL).setCellValue(CellText.fit(school.school()));
                    if (school.municipality() != null) {
                        line.createCell(P_MUNICIPALITY).setCellValue(school.municipality());
                    }
                    line.createCell(P_YEAR).setCellValue(year.toString());
                }
            }
            workbook.write(out);
        }
    }

    private static void addList(Sheet sheet, DataValidationHelper helper, int column, String[] values) {
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, 50_000, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Недопустимое значение", "Выберите значение из списка");
        sheet.addValidationData(validation);
    }
}
