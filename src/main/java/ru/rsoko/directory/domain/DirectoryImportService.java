package ru.rsoko.directory.domain;

import ru.rsoko.platform.web.Plurals;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.OrgUnitFilter;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.ss.util.CellReference;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.SpreadsheetException;
import ru.rsoko.platform.spreadsheet.XlsxReader;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import ru.rsoko.directory.SchoolYear;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ru.rsoko.directory.domain.DirectoryExcel.*;

/**
 * Loads a region's organisations from the product's workbook, all or nothing: every row is checked by the
 * same rules as the forms, every error is reported with its row and column, and a single error leaves the
 * database untouched.
 */
@Service
public class DirectoryImportService {

    static final int MAX_ROWS = 50_000;
    static final String EXPECTED_COLUMNS = "Ожидаемые столбцы по порядку: " + String.join(", ", HEADERS)
            + " (ID можно не указывать). Скачайте шаблон и перенесите данные в него.";
    private static final Map<String, Integer> FIELD_COLUMNS = Map.of(
            "type", TYPE, "name", NAME, "shortName", SHORT_NAME, "parentId", PARENT, "inn", INN,
            "address", ADDRESS, "phone", PHONE, "email", EMAIL, "headName", HEAD, "timeZone", TIME_ZONE);

    /**
     * What an upload did: rows that created an organisation, changed one, or matched one as it already was; and the
     * grades whose pupils the sheet «Контингент» entered or changed.
     */
    public record Summary(int created, int updated, int unchanged, int pupils) {
        public Summary(int created, int updated, int unchanged) {
            this(created, updated, unchanged, 0);
        }
    }

    /** A row of the sheet «Контингент»: a school (by ID or by name and municipality), a school year and its grades. */
    private record PupilsLine(int row, Long id, String school, String municipality, SchoolYear year,
                              Map<Integer, Integer> grades) {
    }

    /** What a row of the workbook can change of an organisation: to tell an update from a row that changed nothing. */
    private record State(String name, String shortName, Long parentId, String timeZone, String inn, String address,
                         String phone, String email, String headName, boolean active) {
        static State of(OrgUnitEntity u) {
            return new State(u.getName(), u.getShortName(), u.getParentId(), u.getTimeZone(), u.getInn(), u.getAddress(),
                    u.getPhone(), u.getEmail(), u.getHeadName(), u.isActive());
        }
    }

    /** As a person reads the sheet: file-wide errors first, then by row, and within a row from left to right. */
    private static final Comparator<ImportError> BY_PLACE = Comparator
            .comparing(ImportError::row, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(e -> e.column() == null ? -1 : HEADERS.indexOf(e.column()));

    private record Line(int row, OrgUnitType type, String name, String parentName, Long id, Boolean active,
                        OrgUnitForm form) {
    }

    private final OrgUnitService directory;
    private final OrgUnitRepository units;
    private final Validator validator;
    private final PupilsService pupils;

    DirectoryImportService(OrgUnitService directory, OrgUnitRepository units, Validator validator, PupilsService pupils) {
        this.directory = directory;
        this.units = units;
        this.validator = validator;
        this.pupils = pupils;
    }

    @Transactional(rollbackFor = Exception.class)
    public Summary importWorkbook(Scope scope, long regionId, InputStream workbook) {
        OrgUnitEntity region = directory.entity(scope, regionId);
        if (region.getType() != OrgUnitType.REGION) {
            throw NotFoundException.of("Регион", regionId);
        }
        List<ImportError> errors = new ArrayList<>();
        // names of rows that already have an error: rows below them are not blamed for their parent a second time
        Set<String> failed = new HashSet<>();
        List<PupilsLine> pupilsLines = new ArrayList<>();
        List<ImportError> pupilsErrors = new ArrayList<>();
        List<Line> lines = read(workbook, errors, failed, pupilsLines, pupilsErrors);

        Map<String, OrgUnitEntity> parentsByName = new HashMap<>();
        List<OrgUnitEntity> parents = directory.parentEntitiesInRegion(scope, regionId);
        parents.forEach(parent -> parentsByName.put(key(parent.getName()), parent));
        // people write «Сонковский» for «Сонковский муниципальный округ»: a short name counts when it is unambiguous
        Map<String, Long> shortNames = parents.stream().filter(p -> p.getShortName() != null)
                .collect(Collectors.groupingBy(p -> key(p.getShortName()), Collectors.counting()));
        parents.stream().filter(p -> p.getShortName() != null && shortNames.get(key(p.getShortName())) == 1)
                .forEach(p -> parentsByName.putIfAbsent(key(p.getShortName()), p));
        Map<String, OrgUnitType> fileTypes = new HashMap<>();
        lines.forEach(l -> fileTypes.putIfAbsent(key(l.name()), l.type()));
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, Integer> seenIds = new HashMap<>();
        // municipalities first, so that schools below may name a municipality that the same file creates
        List<Line> ordered = lines.stream().sorted(Comparator.comparingInt(l -> rank(l.type()))).toList();
        int created = 0;
        List<Map.Entry<State, OrgUnitEntity>> matched = new ArrayList<>();
        List<Map.Entry<Line, OrgUnitEntity>> deactivations = new ArrayList<>();
        for (Line line : ordered) {
            if (line.id() != null) {
                Integer first = seenIds.putIfAbsent(line.id(), line.row());
                if (first != null) {
                    errors.add(new ImportError(line.row(), HEADERS.get(ID), "ID " + line.id() + " повторяется в файле (см. строку "
                            + first + "): одну организацию можно изменить только одной строкой."));
                    failed.add(key(line.name()));
                    continue;
                }
            }
            if (line.type() == OrgUnitType.REGION && !key(line.name()).equals(key(region.getName()))) {
                errors.add(new ImportError(line.row(), HEADERS.get(NAME), "Строка региона «" + line.name()
                        + "» не совпадает с регионом загрузки «" + region.getName() + "»: строка типа «Регион» может только "
                        + "уточнить данные региона загрузки. Удалите её или выберите нужный регион."));
                failed.add(key(line.name()));
                continue;
            }
            OrgUnitEntity parent = resolveParent(scope, line, region, parentsByName, fileTypes, failed, errors);
            if (parent == null && line.type() != OrgUnitType.REGION) {
                failed.add(key(line.name()));
                continue;
            }
            String duplicateKey = (parent == null ? "" : parent.getId()) + "|" + key(line.name());
            Integer first = seen.putIfAbsent(duplicateKey, line.row());
            if (first != null) {
                errors.add(new ImportError(line.row(), HEADERS.get(NAME), "«" + line.name()
                        + "» повторяется в файле (см. строку " + first + "): в одной вышестоящей организации наименования "
                        + "не повторяются, оставьте одну строку."));
                failed.add(key(line.name()));
                continue;
            }
            try {
                OrgUnitEntity unit;
                Optional<OrgUnitEntity> existing = existing(scope, line, region, parent);
                if (existing.isPresent()) {
                    OrgUnitForm form = line.form();
                    form.setParentId(parent == null ? null : parent.getId());
                    form.setVersion(existing.get().getVersion());
                    State before = State.of(existing.get());
                    unit = directory.updateEntity(scope, existing.get().getId(), form);
                    matched.add(Map.entry(before, unit));
                } else {
                    OrgUnitForm form = line.form();
                    form.setParentId(parent.getId());
                    unit = directory.createEntity(scope, form);
                    created++;
                }
                if (unit.getType() == OrgUnitType.MUNICIPALITY) {
                    parentsByName.put(key(unit.getName()), unit);
                }
                if (Boolean.TRUE.equals(line.active()) && !unit.isActive()) {
                    // at once, top-down: rows processed later may then add to or switch on what this row opens
                    try {
                        units.flush();
                        directory.setActive(scope, unit.getId(), true, unit.getVersion());
                    } catch (RuleViolationException e) {
                        OrgUnitEntity closed = unit.getParent();
                        errors.add(new ImportError(line.row(), HEADERS.get(ACTIVE), closed == null || closed.isActive() ? e.getMessage()
                                : "«" + unit.getName() + "» нельзя активировать, пока деактивирована вышестоящая организация «"
                                + closed.getName() + "»: укажите «да» в столбце «Активна» и для неё."));
                    }
                } else if (Boolean.FALSE.equals(line.active())) {
                    deactivations.add(Map.entry(line, unit));
                }
            } catch (RuleViolationException e) {
                errors.add(new ImportError(line.row(), column(e.field()), e.getMessage()));
                failed.add(key(line.name()));
            } catch (NotFoundException | ConcurrentEditException e) {
                errors.add(new ImportError(line.row(), HEADERS.get(ID), e.getMessage()));
                failed.add(key(line.name()));
            }
        }
        deactivate(scope, deactivations, errors);
        Map<SchoolYear, List<GradePupilsWriter.Write>> figures = pupilsOf(scope, region, pupilsLines, parentsByName,
                failed, pupilsErrors);
        if (!errors.isEmpty() || !pupilsErrors.isEmpty()) {
            errors.sort(BY_PLACE);
            errors.addAll(pupilsErrors);
            throw new ImportRejectedException(errors);
        }
        units.flush();
        String username = username();
        int changedPupils = 0;
        for (Map.Entry<SchoolYear, List<GradePupilsWriter.Write>> year : figures.entrySet()) {
            changedPupils += pupils.importFigures(username, year.getKey(), year.getValue());
        }
        int updated = (int) matched.stream().filter(m -> !m.getKey().equals(State.of(m.getValue()))).count();
        return new Summary(created, updated, matched.size() - updated, changedPupils);
    }

    private static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getName() != null ? auth.getName() : "system";
    }

    /**
     * The schools the sheet «Контингент» names — by ID, or by name in the municipality (or the region) as in the
     * directory or above in this file — with their figures by school year. A school whose own row in «Организации»
     * failed is not blamed a second time.
     */
    private Map<SchoolYear, List<GradePupilsWriter.Write>> pupilsOf(Scope scope, OrgUnitEntity region, List<PupilsLine> lines,
                                                                    Map<String, OrgUnitEntity> parentsByName,
                                                                    Set<String> failed, List<ImportError> errors) {
        Map<SchoolYear, List<GradePupilsWriter.Write>> figures = new java.util.TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PupilsLine line : lines) {
            OrgUnitEntity school;
            if (line.id() != null) {
                school = units.findWithParentById(line.id())
                        .filter(u -> u.within(scope) && region.getId().equals(u.getRegionId()) && u.getType() == OrgUnitType.SCHOOL)
                        .orElse(null);
                if (school == null) {
                    errors.add(new ImportError(line.row(), PUPILS_COLUMN + "ID", "Школа с ID " + line.id()
                            + " не найдена в регионе «" + region.getName() + "»: возьмите ID из выгрузки справочника или оставьте его пустым."));
                    continue;
                }
            } else {
                if (failed.contains(key(line.school()))) {
                    continue; // the school's own row has its error
                }
                OrgUnitEntity parent = line.municipality() == null ? region : parentsByName.get(key(line.municipality()));
                if (parent == null) {
                    if (!failed.contains(key(line.municipality()))) {
                        errors.add(new ImportError(line.row(), PUPILS_COLUMN + PUPILS_HEADERS.get(P_MUNICIPALITY),
                                "Муниципалитет «" + line.municipality() + "» не найден в регионе «" + region.getName() + "»."));
                    }
                    continue;
                }
                school = units.findChild(parent.getId(), OrgUnitType.SCHOOL, line.school()).filter(u -> u.within(scope)).orElse(null);
                if (school == null) {
                    errors.add(new ImportError(line.row(), PUPILS_COLUMN + PUPILS_HEADERS.get(P_SCHOOL), "Школа «" + line.school()
                            + "» не найдена в «" + parent.getName() + "» (ни в справочнике, ни в листе «Организации»): укажите "
                            + "наименование точно как в справочнике, муниципалитет или ID из выгрузки."));
                    continue;
                }
            }
            Integer first = seen.putIfAbsent(school.getId() + "|" + line.year(), line.row());
            if (first != null) {
                errors.add(new ImportError(line.row(), PUPILS_COLUMN + PUPILS_HEADERS.get(P_YEAR), "Школа «" + school.getName()
                        + "» и " + line.year() + " учебный год уже есть в строке " + first + ": оставьте одну строку."));
                continue;
            }
            for (Map.Entry<Integer, Integer> grade : line.grades().entrySet()) {
                figures.computeIfAbsent(line.year(), y -> new ArrayList<>())
                        .add(PupilsService.write(school, grade.getKey(), grade.getValue(), null));
            }
        }
        return figures;
    }

    /**
     * Deactivations last and bottom-up, so that a file can switch off a whole branch whatever the order of its
     * rows: schools before their municipality.
     */
    private void deactivate(Scope scope, List<Map.Entry<Line, OrgUnitEntity>> deactivations, List<ImportError> errors) {
        List<Map.Entry<Line, OrgUnitEntity>> bottomUp = deactivations.stream()
                .sorted(Comparator.comparingInt((Map.Entry<Line, OrgUnitEntity> e) -> rank(e.getValue().getType())).reversed())
                .toList();
        for (Map.Entry<Line, OrgUnitEntity> entry : bottomUp) {
            OrgUnitEntity unit = entry.getValue();
            if (!unit.isActive()) {
                continue;
            }
            try {
                units.flush();
                directory.setActive(scope, unit.getId(), false, unit.getVersion());
            } catch (RuleViolationException e) {
                errors.add(new ImportError(entry.getKey().row(), HEADERS.get(ACTIVE), cannotDeactivate(scope, unit, e)));
            }
        }
    }

    /** Names the organisations that keep a deactivation from happening, and what to do about them. */
    private String cannotDeactivate(Scope scope, OrgUnitEntity unit, RuleViolationException e) {
        Page<OrgUnitEntity> open = units.findAll(OrgUnitService.matching(scope, new OrgUnitFilter(null, unit.getId(), null, true)),
                PageRequest.of(0, 5, Sort.by("name")));
        if (open.getTotalElements() == 0) {
            return e.getMessage();
        }
        String label = unit.getType().label();
        return label + " «" + unit.getName() + "» нельзя деактивировать: в нём остаются активные организации ("
                + open.getTotalElements() + "): " + open.stream().map(u -> "«" + u.getName() + "»").collect(Collectors.joining(", "))
                + (open.getTotalElements() > open.getNumberOfElements() ? " и другие" : "")
                + ". Укажите «нет» в столбце «Активна» и для них или оставьте " + label.toLowerCase(Locale.ROOT) + " активным.";
    }

    private Optional<OrgUnitEntity> existing(Scope scope, Line line, OrgUnitEntity region, OrgUnitEntity parent) {
        if (line.type() == OrgUnitType.REGION) {
            return Optional.of(region);
        }
        if (line.id() != null) {
            Optional<OrgUnitEntity> byId = units.findWithParentById(line.id())
                    .filter(u -> u.within(scope))
                    .filter(u -> region.getId().equals(u.getRegionId()));
            if (byId.isEmpty()) {
                throw RuleViolationException.field("id", "Организация с ID " + line.id() + " не найдена в регионе «"
                        + region.getName() + "»: оставьте ID пустым для новой организации или возьмите ID из выгрузки справочника этого региона.");
            }
            if (byId.get().getType() != line.type()) {
                throw RuleViolationException.field("id", "ID " + line.id() + " — это " + lower(byId.get().getType()) + " «"
                        + byId.get().getName() + "», а в строке указан тип «" + line.type().label()
                        + "»: тип организации изменить нельзя, проверьте ID.");
            }
            return byId;
        }
        return units.findChild(parent.getId(), line.type(), line.name()).filter(u -> u.within(scope));
    }

    /** The parent a row names; null, with the error noted, when there is none to take. */
    private OrgUnitEntity resolveParent(Scope scope, Line line, OrgUnitEntity region, Map<String, OrgUnitEntity> parentsByName,
                                  Map<String, OrgUnitType> fileTypes, Set<String> failed, List<ImportError> errors) {
        if (line.type() == OrgUnitType.REGION) {
            return null;
        }
        if (line.parentName() == null) {
            return region;
        }
        String parentKey = key(line.parentName());
        OrgUnitEntity parent = parentsByName.get(parentKey);
        if (parent != null) {
            if (line.type() == OrgUnitType.MUNICIPALITY && parent.getType() != OrgUnitType.REGION) {
                errors.add(new ImportError(line.row(), HEADERS.get(PARENT), misplaced(line.type(), line.parentName(), parent.getType())));
                return null;
            }
            return parent;
        }
        if (failed.contains(parentKey)) {
            return null; // the parent's own row has its error
        }
        OrgUnitType otherType = fileTypes.get(parentKey);
        if (otherType == null) {
            otherType = units.findAll(OrgUnitService.matching(scope, new OrgUnitFilter(null, null, line.parentName(), null)),
                            PageRequest.of(0, 20)).stream()
                    .filter(u -> region.getId().equals(u.getRegionId()) && key(u.getName()).equals(parentKey))
                    .map(OrgUnitEntity::getType).findFirst().orElse(null);
        }
        errors.add(new ImportError(line.row(), HEADERS.get(PARENT), otherType != null
                ? misplaced(line.type(), line.parentName(), otherType)
                : "Вышестоящая организация «" + line.parentName() + "» не найдена в регионе «" + region.getName()
                + "» (ни в справочнике, ни в этом файле). Укажите наименование муниципалитета точно как в справочнике "
                + "или добавьте муниципалитет строкой в файл."));
        return null;
    }

    private static String misplaced(OrgUnitType child, String parentName, OrgUnitType parentType) {
        return "«" + parentName + "» — это " + lower(parentType) + ", а " + lower(child) + (child == OrgUnitType.MUNICIPALITY
                ? " может входить только в регион: оставьте ячейку пустой."
                : " может входить только в муниципалитет или регион: укажите муниципалитет или оставьте ячейку пустой.");
    }

    private static String lower(OrgUnitType type) {
        return type.label().toLowerCase(Locale.ROOT);
    }

    /**
     * The rows that are right in themselves. A row with errors is left out, its errors noted and its name kept
     * in {@code failed}; the others still go on to the checks against the directory, so that one upload shows
     * every error. A file that cannot be read as our sheet at all is refused at once.
     */
    private List<Line> read(InputStream workbook, List<ImportError> errors, Set<String> failed,
                            List<PupilsLine> pupilsLines, List<ImportError> pupilsErrors) {
        List<Line> lines = new ArrayList<>();
        boolean[] headerSeen = {false};
        int[] dataRows = {0};
        PupilsReading pupilsReading = new PupilsReading(pupilsLines, pupilsErrors);
        try {
            XlsxReader.read(workbook, SHEET, row -> {
                if (!headerSeen[0]) {
                    if (row.isBlank()) {
                        return;
                    }
                    headerSeen[0] = true;
                    checkHeader(row);
                    return;
                }
                if (row.isBlank()) {
                    return;
                }
                if (++dataRows[0] > MAX_ROWS) {
                    throw new RuleViolationException("В файле больше " + Plurals.of(MAX_ROWS, "строки", "строк", "строк") + ": разделите его на части");
                }
                parse(row, errors, failed).ifPresent(lines::add);
            }, PUPILS_SHEET, pupilsReading::row);
        } catch (HeaderRejected e) {
            throw new ImportRejectedException(List.of(e.error));
        } catch (SpreadsheetException | RuleViolationException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        }
        if (!headerSeen[0]) {
            throw new ImportRejectedException(List.of(
                    ImportError.ofFile("Лист пустой: нет строки заголовков. Скачайте шаблон и заполните его.")));
        }
        if (dataRows[0] == 0 && pupilsReading.filled == 0) {
            throw new ImportRejectedException(List.of(
                    ImportError.ofFile("В файле нет ни одной строки с организациями под заголовком.")));
        }
        return lines;
    }

    /** The header must be the template's, column by column; the first difference is named by its letter. */
    private static void checkHeader(SheetRow row) {
        int width = row.cells().size();
        while (width > 0 && row.cell(width - 1).isBlank()) {
            width--;
        }
        for (int i = 0; i < Math.max(width, REQUIRED_COLUMNS); i++) {
            String actual = row.cell(i).value();
            String letter = CellReference.convertNumToColString(i);
            if (i >= HEADERS.size()) {
                throw new HeaderRejected(new ImportError(row.number(), actual,
                        "Столбец " + letter + " «" + actual + "» лишний: удалите его. " + EXPECTED_COLUMNS));
            }
            if (!normaliseHeader(actual).equals(normaliseHeader(HEADERS.get(i)))) {
                throw new HeaderRejected(new ImportError(row.number(), HEADERS.get(i),
                        "Столбец " + letter + " должен называться «" + HEADERS.get(i) + "», а в файле "
                                + (actual.isEmpty() ? "его нет. " : "— «" + actual + "». ") + EXPECTED_COLUMNS));
            }
        }
    }

    /**
     * The optional sheet «Контингент»: a header naming its columns (any order; the grades a file has), then one row per
     * school and school year. Empty grade cells change nothing; every wrong cell is an error of its own.
     */
    private static final class PupilsReading {
        final List<PupilsLine> lines;
        final List<ImportError> errors;
        Map<String, Integer> columns;
        int rows;
        /** Rows with a figure or an error: the sheet's data. */
        int filled;

        PupilsReading(List<PupilsLine> lines, List<ImportError> errors) {
            this.lines = lines;
            this.errors = errors;
        }

        void row(SheetRow row) {
            if (row.isBlank()) {
                return;
            }
            if (columns == null) {
                header(row);
                return;
            }
            if (columns.isEmpty()) {
                return; // the header was refused
            }
            if (++rows > MAX_ROWS) {
                throw new RuleViolationException("В листе «" + PUPILS_SHEET + "» больше " + MAX_ROWS + " строк: разделите его на части");
            }
            int n = row.number();
            int before = errors.size();
            String idText = text(row, PUPILS_HEADERS.get(P_ID), n);
            Long id = null;
            if (!idText.isEmpty()) {
                try {
                    id = Long.parseLong(idText.replace(" ", "").replace("\u00a0", ""));
                } catch (NumberFormatException e) {
                    errors.add(new ImportError(n, PUPILS_COLUMN + "ID", "ID — целое число из выгрузки справочника, а не «" + idText + "»"));
                }
            }
            String school = OrgUnitService.clean(text(row, PUPILS_HEADERS.get(P_SCHOOL), n));
            if (id == null && school == null && idText.isEmpty()) {
                errors.add(new ImportError(n, PUPILS_COLUMN + PUPILS_HEADERS.get(P_SCHOOL), "Не указана школа: её наименование или ID"));
            }
            String municipality = OrgUnitService.clean(text(row, PUPILS_HEADERS.get(P_MUNICIPALITY), n));
            String yearText = text(row, PUPILS_HEADERS.get(P_YEAR), n);
            SchoolYear year = SchoolYear.parse(yearText).orElse(null);
            if (year == null) {
                errors.add(new ImportError(n, PUPILS_COLUMN + PUPILS_HEADERS.get(P_YEAR), yearText.isEmpty()
                        ? "Не указан учебный год, например «2026-2027»"
                        : "Учебный год указывается как «2026-2027», а не «" + yearText + "»"));
            }
            Map<Integer, Integer> grades = new java.util.TreeMap<>();
            for (int grade : PupilsService.GRADES) {
                String header = grade + " класс";
                String value = text(row, header, n);
                if (!value.isEmpty()) {
                    Integer figure = PupilsService.parse(value, PUPILS_COLUMN + header, n, errors);
                    if (figure != null) {
                        grades.put(grade, figure);
                    }
                }
            }
            if (errors.size() == before && grades.isEmpty()) {
                return; // a school without figures changes nothing
            }
            filled++;
            if (errors.size() == before) {
                lines.add(new PupilsLine(n, id, school == null ? null : school.replaceAll("\\s+", " "),
                        municipality == null ? null : municipality.replaceAll("\\s+", " "), year, grades));
            }
        }

        private void header(SheetRow row) {
            columns = new HashMap<>();
            for (int i = 0; i < row.cells().size(); i++) {
                columns.putIfAbsent(normaliseHeader(row.cell(i).value()), i);
            }
            List<String> missing = new ArrayList<>();
            for (String required : List.of(PUPILS_HEADERS.get(P_SCHOOL), PUPILS_HEADERS.get(P_YEAR))) {
                if (!columns.containsKey(normaliseHeader(required))) {
                    missing.add("«" + required + "»");
                }
            }
            if (PupilsService.GRADES.stream().noneMatch(g -> columns.containsKey(normaliseHeader(g + " класс")))) {
                missing.add("ни одного столбца класса («1 класс» … «11 класс»)");
            }
            if (!missing.isEmpty()) {
                columns = Map.of();
                errors.add(new ImportError(row.number(), PUPILS_COLUMN + "заголовок", "В листе «" + PUPILS_SHEET + "» нет "
                        + String.join(", ", missing) + ". Скачайте шаблон: в нём лист «" + PUPILS_SHEET + "» с нужными столбцами."));
            }
        }

        /** The cell under a header ("" when the sheet has no such column); a formula or an Excel error is an error. */
        private String text(SheetRow row, String header, int n) {
            Integer index = columns.get(normaliseHeader(header));
            if (index == null) {
                return "";
            }
            SheetCell cell = row.cell(index);
            if (cell.kind() == SheetCell.Kind.FORMULA || cell.kind() == SheetCell.Kind.ERROR) {
                errors.add(new ImportError(n, PUPILS_COLUMN + header, cell.kind() == SheetCell.Kind.FORMULA
                        ? "В ячейке формула «" + cell.value() + "»: формулы не принимаются, вставьте значение."
                        : "В ячейке ошибка Excel вместо значения: введите значение."));
                return "";
            }
            return cell.value();
        }
    }

    /** The sheet is not the template's: nothing below its header can be read. */
    private static final class HeaderRejected extends RuntimeException {
        final ImportError error;

        HeaderRejected(ImportError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private Optional<Line> parse(SheetRow row, List<ImportError> errors, Set<String> failed) {
        int errorsBefore = errors.size();
        // a formula is reported once, in its own cell; the checks below then see that cell as empty
        Set<Integer> formulas = new HashSet<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            SheetCell cell = row.cell(i);
            if (cell.kind() == SheetCell.Kind.FORMULA) {
                errors.add(new ImportError(row.number(), HEADERS.get(i), "В ячейке формула «" + cell.value()
                        + "»: формулы не принимаются. Замените её значением (Копировать → Специальная вставка → Значения)."));
                formulas.add(i);
            } else if (cell.kind() == SheetCell.Kind.ERROR) {
                errors.add(new ImportError(row.number(), HEADERS.get(i),
                        "В ячейке ошибка Excel вместо значения: введите значение."));
                formulas.add(i);
            }
        }
        Function<Integer, String> value = i -> formulas.contains(i) ? "" : row.cell(i).value();
        String typeText = value.apply(TYPE);
        OrgUnitType type = OrgUnitType.parse(typeText).orElse(null);
        if (type == null && !formulas.contains(TYPE)) {
            errors.add(new ImportError(row.number(), HEADERS.get(TYPE), typeText.isEmpty() ? "Не указан тип"
                    : "Неизвестный тип «" + typeText + "»: укажите Муниципалитет, Школа или Учреждение"));
        }
        Boolean active = switch (value.apply(ACTIVE).toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "да", "1", "true", "истина" -> true;
            case "нет", "0", "false", "ложь" -> false;
            default -> {
                errors.add(new ImportError(row.number(), HEADERS.get(ACTIVE), "Укажите «да» или «нет»"));
                yield null;
            }
        };
        Long id = null;
        String idText = value.apply(ID);
        if (!idText.isEmpty()) {
            try {
                id = Long.parseLong(idText.replace(" ", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                errors.add(new ImportError(row.number(), HEADERS.get(ID), "ID — целое число из выгрузки справочника"));
            }
        }
        OrgUnitForm form = new OrgUnitForm();
        form.setType(type);
        form.setName(value.apply(NAME));
        form.setShortName(value.apply(SHORT_NAME));
        form.setInn(formulas.contains(INN) ? "" : digits(row.cell(INN)));
        form.setAddress(value.apply(ADDRESS));
        form.setPhone(value.apply(PHONE));
        form.setEmail(value.apply(EMAIL));
        form.setHeadName(value.apply(HEAD));
        form.setTimeZone(value.apply(TIME_ZONE));
        for (ConstraintViolation<OrgUnitForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            Integer index = FIELD_COLUMNS.get(field);
            if (!field.equals("type") && (index == null || !formulas.contains(index))) {
                String shown = switch (field) {
                    case "inn" -> "; в файле: «" + form.getInn() + "»";
                    case "email" -> "; в файле: «" + form.getEmail() + "»";
                    default -> "";
                };
                errors.add(new ImportError(row.number(), column(field), violation.getMessage() + shown));
            }
        }
        if (errors.size() > errorsBefore) {
            String name = OrgUnitService.clean(form.getName());
            if (name != null) {
                failed.add(key(name));
            }
            return Optional.empty();
        }
        String parentName = OrgUnitService.clean(value.apply(PARENT));
        return Optional.of(new Line(row.number(), type, OrgUnitService.normaliseName(form.getName()),
                parentName == null ? null : parentName.replaceAll("\\s+", " "), id, active, form));
    }

    /** An INN typed as a number arrives as one; keep its digits. */
    private static String digits(SheetCell cell) {
        return cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null
                ? String.valueOf(cell.number().longValue()) : cell.value();
    }

    private static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("id")) {
            return HEADERS.get(ID);
        }
        Integer index = FIELD_COLUMNS.get(field);
        return index == null ? null : HEADERS.get(index);
    }

    private static int rank(OrgUnitType type) {
        return switch (type) {
            case REGION -> 0;
            case MUNICIPALITY -> 1;
            case INSTITUTION -> 2;
            case SCHOOL -> 3;
        };
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String normaliseHeader(String header) {
        return key(header).replace("ё", "е");
    }
}
