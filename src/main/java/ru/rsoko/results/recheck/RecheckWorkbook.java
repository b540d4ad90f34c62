package ru.rsoko.results.recheck;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.SpreadsheetException;
import ru.rsoko.platform.spreadsheet.XlsxReader;
import ru.rsoko.platform.spreadsheet.XlsxTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The re-check protocol: one row per work with its code prefilled, the expert's name, the school's and the expert's
 * score and mark. Downloaded, filled and uploaded back; a cell left empty clears that value.
 */
public final class RecheckWorkbook {

    public static final String SHEET = "Протокол перепроверки";
    public static final String CODE = "Код работы";
    public static final String SCHOOL = "ОО";
    public static final String MUNICIPALITY = "Муниципалитет";
    public static final String EXPERT = "Эксперт";
    public static final String SCHOOL_SCORE = "Балл ОО";
    public static final String SCHOOL_MARK = "Отметка ОО";
    public static final String EXPERT_SCORE = "Балл эксперта";
    public static final String EXPERT_MARK = "Отметка эксперта";
    static final int MAX_ROWS = 20_000;

    private RecheckWorkbook() {
    }

    /** The protocol with the works as they are now: also the works' table of the page. */
    public static void write(OutputStream out, List<RecheckService.WorkRow> works) throws IOException {
        XlsxTable.of(SHEET, RecheckService.WorkRow.class)
                .column(CODE, 12, RecheckService.WorkRow::code)
                .column(SCHOOL, 40, RecheckService.WorkRow::schoolName)
                .column(MUNICIPALITY, 26, RecheckService.WorkRow::municipalityName)
                .column(EXPERT, 30, RecheckService.WorkRow::expertName)
                .column(SCHOOL_SCORE, 10, RecheckService.WorkRow::schoolScore)
                .column(SCHOOL_MARK, 10, RecheckService.WorkRow::schoolMark)
                .column(EXPERT_SCORE, 12, RecheckService.WorkRow::expertScore)
                .column(EXPERT_MARK, 12, RecheckService.WorkRow::expertMark)
                .write(out, works);
    }

    /** Rows read from an upload: the marks (experts by name resolved to ids) and their sheet rows. */
    record Read(List<RecheckService.Marks> marks, List<Integer> rows) {
    }

    /** Reads an uploaded protocol; every cell error at once, nothing saved when there is one. */
    static Read read(InputStream in, Map<String, Long> expertsByName) {
        Map<String, Integer> columns = new HashMap<>();
        List<ImportError> errors = new ArrayList<>();
        List<RecheckService.Marks> marks = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try {
            XlsxReader.read(in, SHEET, row -> {
                if (columns.isEmpty()) {
                    if (row.isBlank()) {
                        return;
                    }
                    for (int i = 0; i < row.cells().size(); i++) {
                        String h = row.cell(i).value().toLowerCase(Locale.ROOT);
                        for (String name : List.of(CODE, EXPERT, SCHOOL_SCORE, SCHOOL_MARK, EXPERT_SCORE, EXPERT_MARK)) {
                            if (h.equals(name.toLowerCase(Locale.ROOT))) {
                                columns.putIfAbsent(name, i);
                            }
                        }
                    }
                    if (!columns.containsKey(CODE)) {
                        throw new ImportRejectedException(List.of(new ImportError(row.number(), null,
                                "В первой строке нет столбца «" + CODE + "»: скачайте протокол перепроверки и заполните его.")));
                    }
                    return;
                }
                if (row.isBlank()) {
                    return;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new ImportRejectedException(List.of(ImportError.ofFile("В файле больше " + MAX_ROWS
                            + " строк: это не протокол перепроверки.")));
                }
                int n = row.number();
                String code = text(row, columns, CODE);
                Long expertId = null;
                String expert = text(row, columns, EXPERT);
                if (!expert.isEmpty()) {
                    expertId = expertsByName.get(normal(expert));
                    if (expertId == null) {
                        errors.add(new ImportError(n, EXPERT, "Эксперта «" + expert + "» нет в комиссии: добавьте его на странице перепроверки"));
                    }
                }
                marks.add(new RecheckService.Marks(code, expertId, score(row, columns, SCHOOL_SCORE, errors),
                        mark(row, columns, SCHOOL_MARK, errors), score(row, columns, EXPERT_SCORE, errors),
                        mark(row, columns, EXPERT_MARK, errors), null));
                rows.add(n);
            });
        } catch (SpreadsheetException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        }
        if (columns.isEmpty()) {
            errors.add(ImportError.ofFile("В файле нет ни заголовка, ни строк: скачайте протокол перепроверки и заполните его."));
        } else if (marks.isEmpty() && errors.isEmpty()) {
            errors.add(ImportError.ofFile("В протоколе нет ни одной работы."));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return new Read(marks, rows);
    }

    static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    private static SheetCell cell(SheetRow row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null ? SheetCell.BLANK : row.cell(i);
    }

    private static String text(SheetRow row, Map<String, Integer> columns, String name) {
        return cell(row, columns, name).value();
    }

    private static @Nullable BigDecimal score(SheetRow row, Map<String, Integer> columns, String name, List<ImportError> errors) {
        SheetCell c = cell(row, columns, name);
        if (c.isBlank()) {
            return null;
        }
        BigDecimal v = number(c);
        if (v == null || v.signum() < 0 || v.compareTo(RecheckService.MAX_SCORE) > 0) {
            errors.add(new ImportError(row.number(), name, "Балл — число от 0 до 999,99, а не «" + c.value() + "»"));
            return null;
        }
        return v;
    }

    private static @Nullable Integer mark(SheetRow row, Map<String, Integer> columns, String name, List<ImportError> errors) {
        SheetCell c = cell(row, columns, name);
        if (c.isBlank()) {
            return null;
        }
        BigDecimal v = number(c);
        if (v == null || v.stripTrailingZeros().scale() > 0 || v.intValue() < 2 || v.intValue() > 5) {
            errors.add(new ImportError(row.number(), name, "Отметка — 2, 3, 4 или 5, а не «" + c.value() + "»"));
            return null;
        }
        return v.intValue();
    }

    private static @Nullable BigDecimal number(SheetCell c) {
        if (c.kind() == SheetCell.Kind.NUMBER && c.number() != null) {
            return BigDecimal.valueOf(c.number()).stripTrailingZeros();
        }
        if (c.kind() != SheetCell.Kind.TEXT) {
            return null;
        }
        try {
            return new BigDecimal(c.value().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
