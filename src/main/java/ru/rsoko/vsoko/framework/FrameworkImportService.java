package ru.rsoko.vsoko.framework;

import ru.rsoko.platform.web.Plurals;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.SpreadsheetException;
import ru.rsoko.platform.spreadsheet.XlsxReader;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static ru.rsoko.vsoko.framework.FrameworkExcel.*;

/**
 * Makes a new framework from a workbook of the export's layout, all or nothing: every row is checked, every
 * error is reported with its row and column, and one error saves nothing.
 */
@Service
class FrameworkImportService {

    static final int MAX_ROWS = 5_000;
    static final String EXPECTED_COLUMNS = "Ожидаемые столбцы по порядку: " + String.join(", ", HEADERS)
            + ". Выгрузите любой набор показателей в Excel и возьмите его как образец.";
    private static final int MAX_FILE = 20 * 1024 * 1024;

    private static final Comparator<ImportError> BY_PLACE = Comparator
            .comparing(ImportError::row, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(e -> e.column() == null ? -1 : HEADERS.indexOf(e.column()));

    private record Line(int row, String directionCode, String directionName, String code, String wording, ValueType type,
                        BigDecimal points, BigDecimal target, List<IndicatorOption> options, boolean evidence) {
    }

    private final FrameworkRepository frameworks;

    FrameworkImportService(FrameworkRepository frameworks) {
        this.frameworks = frameworks;
    }

    @Transactional(rollbackFor = Exception.class)
    /** The new framework, read whole for the answer. */
    FrameworkView importWorkbook(CurrentUser user, String name, String year, InputStream workbook) {
        FrameworkService.requireKeeper(user);
        String frameworkName = FrameworkEditService.name(name);
        int frameworkYear = FrameworkEditService.year(year);
        byte[] bytes = bytes(workbook);
        List<ImportError> errors = new ArrayList<>();
        List<Line> lines = read(bytes, errors);
        BigDecimal[] thresholds = thresholds(bytes, errors);
        if (!errors.isEmpty()) {
            errors.sort(BY_PLACE);
            throw new ImportRejectedException(errors);
        }
        Framework framework = new Framework(user.regionId(), frameworkName, frameworkYear);
        framework.setFormedFrom(thresholds[0]);
        framework.setPartialFrom(thresholds[1]);
        Map<String, Direction> directions = new HashMap<>();
        for (Line line : lines) {
            Direction direction = directions.computeIfAbsent(key(line.directionCode()),
                    k -> framework.addDirection(line.directionCode(), line.directionName()));
            if (line.code() != null) {
                Indicator indicator = direction.addIndicator(line.code(), line.wording(), line.type(), line.points());
                indicator.setTarget(line.target());
                indicator.setEvidenceRequired(line.evidence());
                indicator.getOptions().addAll(line.options());
            }
        }
        return FrameworkView.of(frameworks.saveAndFlush(framework));
    }

    private static byte[] bytes(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                throw new ImportRejectedException(List.of(ImportError.ofFile("Файл больше 20 МБ: набор показателей столько не занимает, проверьте файл.")));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Line> read(byte[] bytes, List<ImportError> errors) {
        List<Line> lines = new ArrayList<>();
        boolean[] headerSeen = {false};
        int[] dataRows = {0};
        Map<String, String> directionNames = new HashMap<>();
        Map<String, Integer> directionRows = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        try {
            XlsxReader.read(new ByteArrayInputStream(bytes), SHEET, row -> {
                if (row.isBlank()) {
                    return;
                }
                if (!headerSeen[0]) {
                    headerSeen[0] = true;
                    checkHeader(row);
                    return;
                }
                if (++dataRows[0] > MAX_ROWS) {
                    throw new RuleViolationException("В файле больше " + Plurals.of(MAX_ROWS, "строки", "строк", "строк") + ": это не набор показателей");
                }
                parse(row, errors, directionNames, directionRows, codes).ifPresent(lines::add);
            });
        } catch (HeaderRejected e) {
            throw new ImportRejectedException(List.of(e.error));
        } catch (SpreadsheetException | RuleViolationException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        }
        if (!headerSeen[0]) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(
                    "Лист «" + SHEET + "» пустой: нет строки заголовков. Выгрузите любой набор показателей в Excel и возьмите его как образец.")));
        }
        if (dataRows[0] == 0) {
            throw new ImportRejectedException(List.of(ImportError.ofFile("В файле нет ни одного показателя под заголовком.")));
        }
        return lines;
    }

    private Optional<Line> parse(SheetRow row, List<ImportError> errors, Map<String, String> directionNames,
                                 Map<String, Integer> directionRows, Map<String, Integer> codes) {
        int before = errors.size();
        Set<Integer> bad = new HashSet<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            SheetCell cell = row.cell(i);
            if (cell.kind() == SheetCell.Kind.FORMULA) {
                errors.add(new ImportError(row.number(), HEADERS.get(i), "В ячейке формула «" + cell.value()
                        + "»: формулы не принимаются. Замените её значением (Копировать → Специальная вставка → Значения)."));
                bad.add(i);
            } else if (cell.kind() == SheetCell.Kind.ERROR) {
                errors.add(new ImportError(row.number(), HEADERS.get(i), "В ячейке ошибка Excel вместо значения: введите значение."));
                bad.add(i);
            }
        }
        IntFunction<String> value = i -> bad.contains(i) ? "" : row.cell(i).value().replaceAll("\\s+", " ");
        int r = row.number();

        String directionCode = value.apply(DIRECTION_CODE);
        String directionName = value.apply(DIRECTION);
        if (directionCode.isEmpty()) {
            if (!bad.contains(DIRECTION_CODE)) {
                errors.add(new ImportError(r, HEADERS.get(DIRECTION_CODE), "Не указан код направления"));
            }
        } else if (directionCode.length() > FrameworkRules.MAX_DIRECTION_CODE) {
            errors.add(new ImportError(r, HEADERS.get(DIRECTION_CODE), "Код направления — не длиннее "
                    + FrameworkRules.MAX_DIRECTION_CODE + " знаков"));
        } else {
            String known = directionNames.get(key(directionCode));
            if (known == null) {
                if (directionName.isEmpty()) {
                    if (!bad.contains(DIRECTION)) {
                        errors.add(new ImportError(r, HEADERS.get(DIRECTION), "Не указано название направления «" + directionCode + "»"));
                    }
                } else {
                    directionNames.put(key(directionCode), directionName);
                    directionRows.put(key(directionCode), r);
                }
            } else if (!directionName.isEmpty() && !known.equals(directionName)) {
                errors.add(new ImportError(r, HEADERS.get(DIRECTION), "Направление с кодом «" + directionCode
                        + "» в строке " + directionRows.get(key(directionCode)) + " названо «" + known
                        + "», а здесь — «" + directionName + "»: у одного кода одно название."));
            }
        }

        String code = value.apply(CODE);
        String wording = value.apply(WORDING);
        String typeText = value.apply(TYPE);
        boolean directionOnly = code.isEmpty() && wording.isEmpty() && typeText.isEmpty() && value.apply(POINTS).isEmpty()
                && value.apply(OPTIONS).isEmpty() && bad.isEmpty();
        if (directionOnly) {
            return errors.size() > before ? Optional.empty()
                    : Optional.of(new Line(r, directionCode, directionNames.get(key(directionCode)), null, null, null,
                    null, null, List.of(), false));
        }
        if (code.isEmpty()) {
            if (!bad.contains(CODE)) {
                errors.add(new ImportError(r, HEADERS.get(CODE), "Не указан код показателя"));
            }
        } else if (code.length() > FrameworkRules.MAX_CODE) {
            errors.add(new ImportError(r, HEADERS.get(CODE), "Код показателя — не длиннее " + Plurals.of(FrameworkRules.MAX_CODE, "знака", "знаков", "знаков")));
        } else {
            Integer first = codes.putIfAbsent(key(code), r);
            if (first != null) {
                errors.add(new ImportError(r, HEADERS.get(CODE), "Код показателя «" + code + "» повторяется в файле (см. строку "
                        + first + "): коды показателей в наборе не повторяются."));
            }
        }
        if (wording.isEmpty() && !bad.contains(WORDING)) {
            errors.add(new ImportError(r, HEADERS.get(WORDING), "Не указана формулировка показателя"));
        }
        ValueType type = FrameworkRules.type(typeText).orElse(null);
        if (type == null && !bad.contains(TYPE)) {
            errors.add(new ImportError(r, HEADERS.get(TYPE), typeText.isEmpty()
                    ? "Не указан тип показателя: укажите да/нет, число, процент или выбор."
                    : "Неизвестный тип «" + typeText + "»: укажите да/нет, число, процент или выбор."));
        }
        List<IndicatorOption> options = List.of();
        String optionsText = value.apply(OPTIONS);
        if (type == ValueType.CHOICE) {
            try {
                options = FrameworkRules.options(optionsText, ";");
                if (options.size() < 2 && !bad.contains(OPTIONS)) {
                    errors.add(new ImportError(r, HEADERS.get(OPTIONS), "Для типа «выбор» укажите хотя бы два варианта: "
                            + "«вариант = баллы; вариант = баллы»."));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(r, HEADERS.get(OPTIONS), "Вариант «" + e.getMessage() + "» записан неверно: "
                        + "пишите «вариант = баллы; вариант = баллы», баллы — число не меньше 0."));
            }
        } else if (type != null && !optionsText.isEmpty()) {
            errors.add(new ImportError(r, HEADERS.get(OPTIONS), "Варианты указываются только для типа «выбор»: очистите ячейку или укажите тип «выбор»."));
        }
        BigDecimal points = number(row, POINTS, bad, errors);
        if (points == null && !bad.contains(POINTS) && value.apply(POINTS).isEmpty()) {
            if (type == ValueType.CHOICE) {
                // the best option's points; when the options themselves are wrong, that is their error alone
                points = options.stream().map(IndicatorOption::getPoints).reduce(BigDecimal.ZERO, BigDecimal::max);
            } else if (type != null) {
                errors.add(new ImportError(r, HEADERS.get(POINTS), "Не указаны баллы за показатель"));
            }
        } else if (points != null && points.signum() < 0) {
            errors.add(new ImportError(r, HEADERS.get(POINTS), "Баллы не могут быть отрицательными: указано «"
                    + value.apply(POINTS) + "»."));
        }
        BigDecimal target = number(row, TARGET, bad, errors);
        if (target != null && type != null && type != ValueType.NUMBER) {
            errors.add(new ImportError(r, HEADERS.get(TARGET), "Цель указывается только для типа «число»: очистите ячейку."));
        } else if (target != null && target.signum() <= 0) {
            errors.add(new ImportError(r, HEADERS.get(TARGET), "Цель — число больше 0 (или оставьте ячейку пустой)."));
        }
        boolean evidence = switch (value.apply(EVIDENCE).toLowerCase(Locale.ROOT)) {
            case "", "нет", "0", "false", "ложь" -> false;
            case "да", "1", "true", "истина" -> true;
            default -> {
                errors.add(new ImportError(r, HEADERS.get(EVIDENCE), "Укажите «да» или «нет»"));
                yield false;
            }
        };
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Line(r, directionCode, directionNames.get(key(directionCode)), code, wording, type,
                points, target, options, evidence));
    }

    private static BigDecimal number(SheetRow row, int column, Set<Integer> bad, List<ImportError> errors) {
        if (bad.contains(column)) {
            return null;
        }
        SheetCell cell = row.cell(column);
        BigDecimal n;
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            n = BigDecimal.valueOf(cell.number());
        } else {
            try {
                n = FrameworkRules.number(cell.value());
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(row.number(), HEADERS.get(column), HEADERS.get(column) + " — число, а указано «"
                        + cell.value() + "»."));
                return null;
            }
        }
        if (n == null) {
            return null;
        }
        if (n.stripTrailingZeros().scale() > 2 || n.abs().compareTo(new BigDecimal("1000000")) >= 0) {
            errors.add(new ImportError(row.number(), HEADERS.get(column), HEADERS.get(column)
                    + " — число до миллиона, не точнее сотых: указано «" + cell.value() + "»."));
            return null;
        }
        return n.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** The sheet «Пороги»; a book without it keeps the usual 75 % and 50 %. */
    private static BigDecimal[] thresholds(byte[] bytes, List<ImportError> errors) {
        BigDecimal[] result = {new BigDecimal("75.00"), new BigDecimal("50.00")};
        List<SheetRow> rows = new ArrayList<>();
        XlsxReader.read(new ByteArrayInputStream(bytes), THRESHOLDS_SHEET, row -> {
            if (rows.size() < 2 && !row.isBlank()) {
                rows.add(row);
            }
        });
        if (rows.isEmpty() || !rows.getFirst().cell(0).value().equalsIgnoreCase(THRESHOLD_HEADERS.get(0))) {
            return result; // no sheet of thresholds: the first sheet came back instead
        }
        if (rows.size() < 2) {
            errors.add(new ImportError(null, THRESHOLD_HEADERS.get(0), "На листе «" + THRESHOLDS_SHEET
                    + "» нет строки с порогами под заголовком."));
            return result;
        }
        SheetRow row = rows.get(1);
        for (int i = 0; i < 2; i++) {
            SheetCell cell = row.cell(i);
            String where = "Лист «" + THRESHOLDS_SHEET + "», " + THRESHOLD_HEADERS.get(i);
            BigDecimal n = null;
            if (cell.kind() == SheetCell.Kind.FORMULA) {
                errors.add(new ImportError(row.number(), where, "В ячейке формула «" + cell.value()
                        + "»: формулы не принимаются. Замените её значением (Копировать → Специальная вставка → Значения)."));
                continue;
            }
            try {
                n = cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null ? BigDecimal.valueOf(cell.number())
                        : FrameworkRules.number(cell.value());
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            if (n == null || n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(100)) > 0 || n.stripTrailingZeros().scale() > 2) {
                errors.add(new ImportError(row.number(), where, "Порог — число больше 0 и не больше 100 (процентов), "
                        + "не точнее сотых: указано «" + cell.value() + "»."));
            } else {
                result[i] = n.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
        }
        if (result[1].compareTo(result[0]) >= 0) {
            errors.add(new ImportError(row.number(), "Лист «" + THRESHOLDS_SHEET + "», " + THRESHOLD_HEADERS.get(1),
                    "Порог «частично» должен быть меньше порога «сформирована»."));
        }
        return result;
    }

    private static void checkHeader(SheetRow row) {
        int width = row.cells().size();
        while (width > 0 && row.cell(width - 1).isBlank()) {
            width--;
        }
        for (int i = 0; i < Math.max(width, HEADERS.size()); i++) {
            String actual = row.cell(i).value();
            String letter = CellReference.convertNumToColString(i);
            if (i >= HEADERS.size()) {
                throw new HeaderRejected(new ImportError(row.number(), actual,
                        "Столбец " + letter + " «" + actual + "» лишний: удалите его. " + EXPECTED_COLUMNS));
            }
            if (!header(actual).equals(header(HEADERS.get(i)))) {
                throw new HeaderRejected(new ImportError(row.number(), HEADERS.get(i),
                        "Столбец " + letter + " должен называться «" + HEADERS.get(i) + "», а в файле "
                                + (actual.isEmpty() ? "его нет. " : "— «" + actual + "». ") + EXPECTED_COLUMNS));
            }
        }
    }

    private static final class HeaderRejected extends RuntimeException {
        final ImportError error;

        HeaderRejected(ImportError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String header(String text) {
        return key(text).replaceAll("\\s+", " ").replace("ё", "е");
    }
}
