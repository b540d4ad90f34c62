package ru.rsoko.objectivity.domain;

import ru.rsoko.platform.web.Plurals;
import ru.rsoko.objectivity.ListKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.SpreadsheetException;
import ru.rsoko.platform.spreadsheet.XlsxReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of a year uploaded from a workbook. The workbook is the complete list: it replaces the region's list of
 * that year and kind. All or nothing: any error in any row and nothing is saved, every error is reported with its
 * row and column.
 */
@Service
public class SchoolListImportService {

    /** More rows than any region has schools: a sheet this long is not a list. */
    static final int MAX_ROWS = 5000;

    private final SchoolListService lists;
    private final DirectoryService directory;
    private final JdbcTemplate jdbc;

    SchoolListImportService(SchoolListService lists, DirectoryService directory, JdbcTemplate jdbc) {
        this.lists = lists;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    private record School(long id, String name, Long municipalityId, String municipality) {
    }

    /** The schools of the region, for the template's look-up sheet. */
    @Transactional(readOnly = true)
    public List<SchoolListWorkbook.School> schoolsOfRegion(long regionId) {
        return schools(regionId).values().stream()
                .map(s -> new SchoolListWorkbook.School(s.id(), s.name(), s.municipality())).toList();
    }

    private Map<Long, School> schools(long regionId) {
        Map<Long, School> schools = new LinkedHashMap<>();
        jdbc.query("""
                select s.id, s.name, s.municipality_id, coalesce(m.short_name, m.name)
                from directory_org_unit s left join directory_org_unit m on m.id = s.municipality_id
                where s.region_id = ? and s.type = 'SCHOOL'
                order by coalesce(m.short_name, m.name) nulls last, s.name""", rs -> {
            long id = rs.getLong(1);
            schools.put(id, new School(id, rs.getString(2), rs.getObject(3, Long.class), rs.getString(4)));
        }, regionId);
        return schools;
    }

    @Transactional
    public SchoolListService.Replaced replace(CurrentUser user, int year, ListKind kind, InputStream workbook) {
        SchoolListService.requireKeeper(user);
        long regionId = user.regionId();
        String regionName = directory.region(regionId).name();
        Map<Long, School> schools = schools(regionId);
        Map<String, List<School>> byName = new HashMap<>();
        for (School s : schools.values()) {
            byName.computeIfAbsent(normal(s.name()), k -> new ArrayList<>()).add(s);
        }

        List<ImportError> errors = new ArrayList<>();
        List<SchoolListService.Incoming> incoming = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        int[] dataRows = {0};
        try {
            XlsxReader.read(workbook, SchoolListWorkbook.SHEET, row -> {
                if (columns.isEmpty()) {
                    if (row.isBlank()) {
                        return;
                    }
                    header(row, columns, errors);
                    if (!errors.isEmpty()) {
                        throw new ImportRejectedException(errors);
                    }
                    return;
                }
                if (row.isBlank()) {
                    return;
                }
                if (++dataRows[0] > MAX_ROWS) {
                    throw new ImportRejectedException(List.of(ImportError.ofFile("В файле больше " + Plurals.of(MAX_ROWS, "строки", "строк", "строк") + ": это не список школ. Загрузите список по шаблону.")));
                }
                row(row, columns, year, kind, regionName, schools, byName, seen, incoming, errors);
            });
        } catch (SpreadsheetException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        }
        if (columns.isEmpty()) {
            errors.add(ImportError.ofFile("В файле нет ни заголовка, ни строк: скачайте шаблон и заполните его."));
        } else if (dataRows[0] == 0 && errors.isEmpty()) {
            errors.add(ImportError.ofFile("В файле нет ни одной школы. Загрузка заменяет весь список «" + kind.label()
                    + "» " + year + " года; чтобы убрать из списка все школы, удалите их на странице списка."));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return lists.replace(user, regionId, year, kind, incoming);
    }

    private static void header(SheetRow row, Map<String, Integer> columns, List<ImportError> errors) {
        for (int i = 0; i < row.cells().size(); i++) {
            String text = row.cell(i).value().toLowerCase(Locale.ROOT);
            if (text.equals("id оо") || text.equals("id") || text.startsWith("id ")) {
                columns.putIfAbsent(SchoolListWorkbook.ID, i);
            } else if (text.equals("оо") || text.startsWith("наименование") || text.equals("школа")) {
                columns.putIfAbsent(SchoolListWorkbook.SCHOOL, i);
            } else if (text.startsWith("вид списка") || text.equals("список")) {
                columns.putIfAbsent(SchoolListWorkbook.KIND, i);
            } else if (text.startsWith("основание")) {
                columns.putIfAbsent(SchoolListWorkbook.BASIS, i);
            } else if (text.startsWith("муниципалитет")) {
                columns.putIfAbsent(SchoolListWorkbook.MUNICIPALITY, i);
            }
        }
        if (!columns.containsKey(SchoolListWorkbook.ID) && !columns.containsKey(SchoolListWorkbook.SCHOOL)) {
            errors.add(new ImportError(row.number(), null, "В первой строке нет столбцов «" + SchoolListWorkbook.ID
                    + "» и «" + SchoolListWorkbook.SCHOOL + "»: скачайте шаблон и заполните его."));
        }
    }

    private static void row(SheetRow row, Map<String, Integer> columns, int year, ListKind kind, String regionName,
                            Map<Long, School> schools, Map<String, List<School>> byName, Map<Long, Integer> seen,
                            List<SchoolListService.Incoming> incoming, List<ImportError> errors) {
        int n = row.number();
        int before = errors.size();
        SheetCell idCell = cell(row, columns, SchoolListWorkbook.ID);
        SheetCell nameCell = cell(row, columns, SchoolListWorkbook.SCHOOL);
        SheetCell kindCell = cell(row, columns, SchoolListWorkbook.KIND);
        SheetCell basisCell = cell(row, columns, SchoolListWorkbook.BASIS);
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            SheetCell c = row.cell(column.getValue());
            if (c.kind() == SheetCell.Kind.FORMULA || c.kind() == SheetCell.Kind.ERROR) {
                errors.add(new ImportError(n, column.getKey(), "В ячейке формула или ошибка Excel: вставьте значение"));
            }
        }
        if (errors.size() > before) {
            return;
        }

        School school = null;
        if (!idCell.isBlank()) {
            Long id = number(idCell.value());
            if (id == null) {
                errors.add(new ImportError(n, SchoolListWorkbook.ID, "«" + idCell.value()
                        + "» — не номер школы: укажите ID из справочника (лист «Школы региона» шаблона)"));
            } else {
                school = schools.get(id);
                if (school == null) {
                    errors.add(new ImportError(n, SchoolListWorkbook.ID, "Школа с ID " + id
                            + " не найдена среди школ региона «" + regionName + "»"));
                } else if (!nameCell.isBlank() && !normal(nameCell.value()).equals(normal(school.name()))) {
                    errors.add(new ImportError(n, SchoolListWorkbook.SCHOOL, "ID " + id + " — это «" + school.name()
                            + "», а в строке указано «" + nameCell.value() + "»: проверьте, не сдвинулись ли строки"));
                    school = null;
                }
            }
        } else if (!nameCell.isBlank()) {
            List<School> found = byName.getOrDefault(normal(nameCell.value()), List.of());
            if (found.isEmpty()) {
                errors.add(new ImportError(n, SchoolListWorkbook.SCHOOL, "Школа «" + nameCell.value()
                        + "» не найдена среди школ региона «" + regionName + "»: укажите её ID из справочника"));
            } else if (found.size() > 1) {
                errors.add(new ImportError(n, SchoolListWorkbook.SCHOOL, "Школ с наименованием «" + nameCell.value()
                        + "» в регионе несколько: укажите ID нужной"));
            } else {
                school = found.getFirst();
            }
        } else {
            errors.add(new ImportError(n, SchoolListWorkbook.ID, "Не указана школа: заполните «" + SchoolListWorkbook.ID
                    + "» или «" + SchoolListWorkbook.SCHOOL + "»"));
        }

        if (!kindCell.isBlank()) {
            ListKind typed = ListKind.parse(kindCell.value());
            if (typed == null) {
                errors.add(new ImportError(n, SchoolListWorkbook.KIND, "Неизвестный вид списка «" + kindCell.value()
                        + "»: укажите «ШНОР» или «Признаки необъективности»"));
            } else if (typed != kind) {
                errors.add(new ImportError(n, SchoolListWorkbook.KIND, "Строка относится к списку «" + typed.label()
                        + "», а загружается список «" + kind.label() + "» " + year + " года"));
            }
        }

        String basis = basisCell.isBlank() ? null : basisCell.value().replaceAll("\\s+", " ");
        if (basis != null && basis.length() > SchoolListService.MAX_BASIS) {
            errors.add(new ImportError(n, SchoolListWorkbook.BASIS, "Основание длиннее " + Plurals.of(SchoolListService.MAX_BASIS, "знака", "знаков", "знаков")));
        }

        if (school != null) {
            Integer first = seen.putIfAbsent(school.id(), n);
            if (first != null) {
                errors.add(new ImportError(n, SchoolListWorkbook.ID, "«" + school.name() + "» уже указана в строке "
                        + first + ": школа входит в список один раз"));
            }
        }
        if (errors.size() == before && school != null) {
            incoming.add(new SchoolListService.Incoming(school.id(), school.municipalityId(), basis));
        }
    }

    private static SheetCell cell(SheetRow row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? SheetCell.BLANK : row.cell(index);
    }

    private static Long number(String text) {
        String t = text.strip().replace(" ", "").replace(" ", "");
        if (t.endsWith(",0") || t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            long v = Long.parseLong(t);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Names compared as people type them: any quotes, any case, ё as е, single spaces. */
    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[«»\"“”„']", "\"")
                .replaceAll("\\s+", " ").strip();
    }
}
