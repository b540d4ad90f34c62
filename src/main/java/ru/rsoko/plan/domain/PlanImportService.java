package ru.rsoko.plan.domain;

import ru.rsoko.platform.web.Plurals;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.ProcedureStatus;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

import static ru.rsoko.plan.domain.PlanWorkbook.*;

/**
 * Loads a plan-schedule back from the workbook of its export, all or nothing. A row with the ID of one of the plan's
 * procedures updates it, a row without an ID adds a procedure; in a draft the procedures the file leaves out are
 * deleted, in an approved plan (an official document) they stay. The status columns move procedures along as on
 * the procedure's page. Every row is checked against {@link PlanService}'s own rules before anything is written:
 * one error anywhere saves nothing.
 */
@Service
public class PlanImportService {

    static final int MAX_ROWS = 2_000;
    static final int MAX_FILE = 10 * 1024 * 1024;
    static final String EXPECTED_COLUMNS = "Ожидаемые столбцы по порядку: " + String.join(", ", HEADERS)
            + ". Скачайте план-график в Excel и возьмите его как образец.";

    private static final List<String> MUNICIPALITY = List.of("MUNICIPALITY");
    private static final List<String> SCHOOL = List.of("SCHOOL");
    private static final List<String> RESPONSIBLE_TYPES = List.of("REGION", "INSTITUTION", "MUNICIPALITY", "SCHOOL");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Comparator<ImportError> BY_PLACE = Comparator
            .comparing(ImportError::row, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(e -> e.column() == null ? -1 : HEADERS.indexOf(e.column()));

    /** What an import did. */
    public record Summary(int added, int updated, int deleted) {

        public String message() {
            return "Импортировано: добавлено " + added + ", изменено " + updated + ", удалено " + deleted;
        }
    }

    /** A row read from the file, its cells understood; what it means for the plan is decided afterwards. */
    private record Line(int row, Long id, ProcedureType type, String title, LocalDate start, LocalDate end, String grades,
                        String subjects, Participants participants, List<Long> participantIds, Long responsibleId,
                        Boolean observers, BigDecimal coverage, ProcedureStatus status, LocalDate doneOn,
                        LocalDate movedStart, LocalDate movedEnd, String cancelReason, String results) {
    }

    /** A checked row: the procedure it changes (null for a new one) and what it becomes. */
    private record Change(Line line, ProcedureEntity existing, ProcedureForm form, StatusForm status) {
    }

    private final PlanAccessService access;
    private final PlanService service;
    private final PlanWorkbook workbook;
    private final ProcedureRepository procedures;
    private final Clock clock;

    PlanImportService(PlanAccessService access, PlanService service, PlanWorkbook workbook, ProcedureRepository procedures,
                      Clock clock) {
        this.access = access;
        this.service = service;
        this.workbook = workbook;
        this.procedures = procedures;
        this.clock = clock;
    }

    @Transactional(rollbackFor = Exception.class)
    public Summary importWorkbook(CurrentUser user, long planId, InputStream file) {
        PlanEntity plan = access.keptPlan(user, planId);
        byte[] bytes = bytes(file);
        Units units = workbook.units(plan.getRegionId());
        List<ProcedureType> types = service.typeEntities(plan.getRegionId());
        List<ImportError> errors = new ArrayList<>();
        List<Line> lines = read(bytes, types, units, errors);
        Map<Long, ProcedureEntity> current = new HashMap<>();
        for (ProcedureEntity p : plan.getProcedures()) {
            current.put(p.getId(), p);
        }
        checkIds(lines, current, errors);
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        List<Change> changes = new ArrayList<>();
        for (Line line : lines) {
            check(plan, line, line.id() == null ? null : current.get(line.id()), errors).ifPresent(changes::add);
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return write(user, plan, changes, lines, current);
    }

    // ---- writing, once every row is known to be good

    private Summary write(CurrentUser user, PlanEntity plan, List<Change> changes, List<Line> lines, Map<Long, ProcedureEntity> current) {
        int deleted = 0;
        if (plan.getStatus() == PlanStatus.DRAFT) {
            Set<Long> kept = new HashSet<>();
            lines.forEach(l -> kept.add(l.id()));
            for (ProcedureEntity p : List.copyOf(plan.getProcedures())) {
                if (!kept.contains(p.getId())) {
                    plan.getProcedures().remove(p);
                    deleted++;
                }
            }
        }
        int added = 0;
        int updated = 0;
        int position = plan.getProcedures().stream().mapToInt(ProcedureEntity::getPosition).max().orElse(0);
        Map<ProcedureEntity, PlanService.Course> before = new LinkedHashMap<>();
        for (Change change : changes) {
            try {
                if (change.existing() == null) {
                    ProcedureEntity p = newProcedure(plan, change);
                    p.setPosition(++position);
                    p.touched(clock.instant(), user.getUsername());
                    plan.getProcedures().add(p);
                    procedures.save(p);
                    added++;
                } else {
                    ProcedureEntity p = change.existing();
                    before.put(p, PlanService.Course.of(p));
                    if (!p.getType().getId().equals(change.line().type().getId())) {
                        p.setType(change.line().type());
                    }
                    service.apply(plan, p, change.form(), false);
                    if (change.status() != null) {
                        service.moveStatus(p, change.status());
                    }
                    p.touched(clock.instant(), user.getUsername());
                    updated++;
                }
            } catch (RuleViolationException e) {
                // checked on a copy a moment ago; should the rules still refuse, nothing is saved all the same
                throw rejected(List.of(error(change.line().row(), e, change.status() != null)));
            }
        }
        procedures.flush();
        if (added + updated + deleted > 0) {
            service.changed(plan);
        }
        before.forEach((p, course) -> service.rescheduled(p, course, null));
        return new Summary(added, updated, deleted);
    }

    private ProcedureEntity newProcedure(PlanEntity plan, Change change) {
        ProcedureEntity p = new ProcedureEntity(plan, change.line().type(), "", change.line().start(), change.line().end());
        service.apply(plan, p, change.form(), true);
        if (change.status() != null) {
            service.moveStatus(p, change.status());
        }
        return p;
    }

    // ---- checking a row against the service's rules, on a copy that is never saved

    private java.util.Optional<Change> check(PlanEntity plan, Line line, ProcedureEntity existing, List<ImportError> errors) {
        ProcedureForm form = existing == null ? new ProcedureForm() : ProcedureForm.of(existing.view());
        form.setTypeId(line.type().getId());
        form.setTitle(line.title());
        form.setPeriodStart(line.start());
        form.setPeriodEnd(line.end());
        form.setGrades(line.grades());
        form.setSubjects(line.subjects());
        form.setParticipants(line.participants());
        form.setParticipantIds(line.participantIds());
        form.setResponsibleId(line.responsibleId());
        form.setObserversRequired(line.observers());
        form.setCoverageTarget(line.coverage());
        form.setResultsSummary(line.results());
        ProcedureEntity copy = existing == null
                ? new ProcedureEntity(plan, line.type(), "", line.start(), line.end())
                : copy(existing, line.type());
        int before = errors.size();
        try {
            service.apply(plan, copy, form, existing == null);
        } catch (RuleViolationException e) {
            errors.add(error(line.row(), e, false));
        }
        StatusForm status = statusChange(line, existing, errors);
        if (status != null && errors.size() == before) {
            try {
                service.moveStatus(copy, status);
            } catch (RuleViolationException e) {
                errors.add(error(line.row(), e, true));
            }
        }
        if (errors.size() > before) {
            return java.util.Optional.empty();
        }
        if (existing != null && status == null && same(existing, copy)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Change(line, existing, form, status));
    }

    /**
     * The status change the row asks for, or null when it keeps the status. The dates and the reason belong to
     * their status: a date of completion only with «Выполнено», a reason only with «Отменено», new dates only with
     * «Перенесено» (or as the procedure already has them).
     */
    private StatusForm statusChange(Line line, ProcedureEntity existing, List<ImportError> errors) {
        ProcedureStatus from = existing == null ? ProcedureStatus.PLANNED : existing.getStatus();
        ProcedureStatus to = line.status() == null ? from : line.status();
        int r = line.row();
        int before = errors.size();
        if (line.doneOn() != null && to != ProcedureStatus.DONE) {
            errors.add(new ImportError(r, HEADERS.get(DONE_ON), "Дата выполнения указывается только для состояния «"
                    + ProcedureStatus.DONE.label() + "»: очистите ячейку или укажите это состояние."));
        }
        if (line.cancelReason() != null && to != ProcedureStatus.CANCELLED) {
            errors.add(new ImportError(r, HEADERS.get(CANCEL_REASON), "Причина отмены указывается только для состояния «"
                    + ProcedureStatus.CANCELLED.label() + "»: очистите ячейку или укажите это состояние."));
        }
        boolean movedAsBefore = existing != null && Objects.equals(line.movedStart(), existing.getMovedStart())
                && Objects.equals(line.movedEnd(), existing.getMovedEnd());
        if ((line.movedStart() != null || line.movedEnd() != null) && to != ProcedureStatus.MOVED && !movedAsBefore) {
            errors.add(new ImportError(r, HEADERS.get(line.movedStart() != null ? MOVED_START : MOVED_END),
                    "Новые сроки указываются вместе с состоянием «" + ProcedureStatus.MOVED.label()
                            + "»: укажите это состояние или очистите ячейки новых сроков."));
        }
        if (to == ProcedureStatus.DONE && line.doneOn() == null) {
            errors.add(new ImportError(r, HEADERS.get(DONE_ON), "Для состояния «" + ProcedureStatus.DONE.label()
                    + "» укажите дату выполнения."));
        }
        if (errors.size() > before) {
            return null;
        }
        boolean changes = to != from
                || (to == ProcedureStatus.DONE && !Objects.equals(line.doneOn(), existing == null ? null : existing.getDoneOn()))
                || (to == ProcedureStatus.MOVED && !movedAsBefore)
                || (to == ProcedureStatus.CANCELLED && !Objects.equals(PlanService.text(line.cancelReason(), 4000),
                existing == null ? null : existing.getCancelReason()));
        if (!changes) {
            return null;
        }
        return new StatusForm(to, to == ProcedureStatus.DONE ? line.doneOn() : null, line.movedStart(), line.movedEnd(),
                line.cancelReason(), null);
    }

    private static ProcedureEntity copy(ProcedureEntity p, ProcedureType type) {
        ProcedureEntity c = new ProcedureEntity(p.getPlan(), type, p.getTitle(), p.getPeriodStart(), p.getPeriodEnd());
        c.setGrades(p.getGrades());
        c.setSubjects(p.getSubjects());
        c.setParticipants(p.getParticipants());
        c.getParticipantIds().addAll(p.getParticipantIds());
        c.setResponsibleId(p.getResponsibleId());
        c.setObserversRequired(p.isObserversRequired());
        c.setCoverageTarget(p.getCoverageTarget());
        c.setVsokoCampaignId(p.getVsokoCampaignId());
        c.setStatus(p.getStatus());
        c.setMovedStart(p.getMovedStart());
        c.setMovedEnd(p.getMovedEnd());
        c.setMovedOn(p.getMovedOn());
        c.setCancelReason(p.getCancelReason());
        c.setCancelledOn(p.getCancelledOn());
        c.setDoneOn(p.getDoneOn());
        c.setResultsSummary(p.getResultsSummary());
        return c;
    }

    /** Whether the row leaves the procedure as it is: then it is not touched at all. */
    private static boolean same(ProcedureEntity p, ProcedureEntity c) {
        return p.getType().getId().equals(c.getType().getId())
                && Objects.equals(p.getTitle(), c.getTitle())
                && p.getPeriodStart().equals(c.getPeriodStart()) && p.getPeriodEnd().equals(c.getPeriodEnd())
                && p.gradeList().equals(c.gradeList())
                && Objects.equals(p.getSubjects(), c.getSubjects())
                && p.getParticipants() == c.getParticipants()
                && Set.copyOf(p.getParticipantIds()).equals(Set.copyOf(c.getParticipantIds()))
                && Objects.equals(p.getResponsibleId(), c.getResponsibleId())
                && p.isObserversRequired() == c.isObserversRequired()
                && sameNumber(p.getCoverageTarget(), c.getCoverageTarget())
                && Objects.equals(p.getVsokoCampaignId(), c.getVsokoCampaignId())
                && Objects.equals(p.getResultsSummary(), c.getResultsSummary());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The service's field, named as the workbook's column. */
    private static ImportError error(int row, RuleViolationException e, boolean status) {
        String field = e.field() == null ? "" : e.field();
        String column = switch (field) {
            case "typeId" -> HEADERS.get(TYPE);
            case "title" -> HEADERS.get(TITLE);
            case "periodStart" -> HEADERS.get(START);
            case "periodEnd" -> HEADERS.get(END);
            case "grades" -> HEADERS.get(GRADES);
            case "participantIds", "participants" -> HEADERS.get(PARTICIPANTS);
            case "responsibleId" -> HEADERS.get(RESPONSIBLE);
            case "coverageTarget" -> HEADERS.get(COVERAGE);
            case "on" -> HEADERS.get(DONE_ON);
            case "movedStart" -> HEADERS.get(MOVED_START);
            case "movedEnd" -> HEADERS.get(MOVED_END);
            case "reason" -> HEADERS.get(CANCEL_REASON);
            case "to" -> HEADERS.get(STATUS);
            default -> status ? HEADERS.get(STATUS) : null;
        };
        return new ImportError(row, column, e.getMessage());
    }

    private static void checkIds(List<Line> lines, Map<Long, ProcedureEntity> current, List<ImportError> errors) {
        Map<Long, Integer> seen = new HashMap<>();
        for (Line line : lines) {
            if (line.id() == null) {
                continue;
            }
            if (!current.containsKey(line.id())) {
                errors.add(new ImportError(line.row(), HEADERS.get(ID), "Процедуры с ID " + line.id()
                        + " нет в этом плане-графике: строку новой процедуры оставьте без ID, а строки из файла другого плана сюда не переносите."));
                continue;
            }
            Integer first = seen.putIfAbsent(line.id(), line.row());
            if (first != null) {
                errors.add(new ImportError(line.row(), HEADERS.get(ID), "ID " + line.id() + " повторяется (см. строку "
                        + first + "): у каждой процедуры одна строка."));
            }
        }
    }

    private static ImportRejectedException rejected(List<ImportError> errors) {
        List<ImportError> sorted = new ArrayList<>(errors);
        sorted.sort(BY_PLACE);
        return new ImportRejectedException(sorted);
    }

    // ---- reading the file

    private static byte[] bytes(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                throw new ImportRejectedException(List.of(ImportError.ofFile(
                        "Файл больше 10 МБ: план-график столько не занимает. Проверьте, тот ли это файл.")));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Line> read(byte[] bytes, List<ProcedureType> types, Units units, List<ImportError> errors) {
        List<Line> lines = new ArrayList<>();
        boolean[] headerSeen = {false};
        int[] dataRows = {0};
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
                    throw new RuleViolationException("В файле больше " + Plurals.of(MAX_ROWS, "строки", "строк", "строк") + ": это не план-график. Проверьте, тот ли это файл.");
                }
                Line line = parse(row, types, units, errors);
                if (line != null) {
                    lines.add(line);
                }
            });
        } catch (HeaderRejected e) {
            throw new ImportRejectedException(List.of(e.error));
        } catch (SpreadsheetException | RuleViolationException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        }
        if (!headerSeen[0]) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(
                    "Лист пустой: нет строки заголовков. Скачайте план-график в Excel и возьмите его как образец.")));
        }
        if (dataRows[0] == 0) {
            throw new ImportRejectedException(List.of(ImportError.ofFile("В файле нет ни одной процедуры под заголовком.")));
        }
        return lines;
    }

    private Line parse(SheetRow row, List<ProcedureType> types, Units units, List<ImportError> errors) {
        int before = errors.size();
        int r = row.number();
        Set<Integer> bad = new HashSet<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            SheetCell cell = row.cell(i);
            if (cell.kind() == SheetCell.Kind.FORMULA) {
                errors.add(new ImportError(r, HEADERS.get(i), "В ячейке формула «" + cell.value()
                        + "»: формулы не принимаются. Замените её значением (Копировать → Специальная вставка → Значения)."));
                bad.add(i);
            } else if (cell.kind() == SheetCell.Kind.ERROR) {
                errors.add(new ImportError(r, HEADERS.get(i), "В ячейке ошибка Excel вместо значения: введите значение."));
                bad.add(i);
            }
        }
        IntFunction<String> value = i -> bad.contains(i) ? "" : row.cell(i).value();

        Long id = null;
        if (!bad.contains(ID) && !row.cell(ID).isBlank()) {
            id = id(row.cell(ID));
            if (id == null) {
                errors.add(new ImportError(r, HEADERS.get(ID), "ID — номер процедуры из выгрузки, а указано «" + value.apply(ID)
                        + "». Для новой процедуры оставьте ячейку пустой."));
            }
        }
        ProcedureType type = null;
        String typeText = value.apply(TYPE);
        if (typeText.isEmpty()) {
            if (!bad.contains(TYPE)) {
                errors.add(new ImportError(r, HEADERS.get(TYPE), "Не указан вид процедуры"));
            }
        } else {
            type = types.stream().filter(t -> key(t.getName()).equals(key(typeText)) || t.getCode().equalsIgnoreCase(typeText.strip()))
                    .findFirst().orElse(null);
            if (type == null) {
                errors.add(new ImportError(r, HEADERS.get(TYPE), "Неизвестный вид процедуры «" + typeText
                        + "»: напишите его, как в каталоге видов процедур (например, «" + types.getFirst().getName() + "»)."));
            }
        }
        LocalDate start = date(row, START, bad, errors, true);
        LocalDate end = date(row, END, bad, errors, true);
        String grades = value.apply(GRADES);
        if (!grades.isEmpty()) {
            try {
                Grades.parse(grades);
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(r, HEADERS.get(GRADES), e.getMessage()));
            }
        }
        Participants participants = Participants.ALL_SCHOOLS;
        List<Long> participantIds = new ArrayList<>();
        String participantsText = value.apply(PARTICIPANTS);
        if (!participantsText.isEmpty() && !key(participantsText).equals(key(ALL_SCHOOLS))) {
            participants = participants(r, participantsText, units, participantIds, errors);
        }
        Long responsible = null;
        String responsibleText = value.apply(RESPONSIBLE);
        if (!responsibleText.isEmpty()) {
            List<Unit> found = units.find(responsibleText, RESPONSIBLE_TYPES);
            if (found.size() > 1) {
                List<Unit> regional = found.stream().filter(u -> u.type().equals("REGION") || u.type().equals("INSTITUTION")).toList();
                found = regional.isEmpty() ? found : regional;
            }
            if (found.size() == 1) {
                responsible = found.getFirst().id();
            } else {
                errors.add(new ImportError(r, HEADERS.get(RESPONSIBLE), found.isEmpty()
                        ? "Организация «" + responsibleText + "» не найдена в регионе: напишите название, как в справочнике."
                        : "Организаций с названием «" + responsibleText + "» в регионе несколько: уточните название, как в справочнике."));
            }
        }
        Boolean observers = switch (key(value.apply(OBSERVERS))) {
            case "" -> null;
            case "да", "1", "true", "истина", "обязательны" -> true;
            case "нет", "0", "false", "ложь", "не требуются" -> false;
            default -> {
                errors.add(new ImportError(r, HEADERS.get(OBSERVERS), "Укажите «да» или «нет», а указано «" + value.apply(OBSERVERS) + "»."));
                yield null;
            }
        };
        BigDecimal coverage = bad.contains(COVERAGE) ? null : percent(row, errors);
        ProcedureStatus status = null;
        String statusText = value.apply(STATUS);
        if (!statusText.isEmpty()) {
            status = ProcedureStatus.fromLabel(statusText);
            if (status == null) {
                errors.add(new ImportError(r, HEADERS.get(STATUS), "Неизвестное состояние «" + statusText + "»: укажите одно из "
                        + String.join(", ", Arrays.stream(ProcedureStatus.values()).map(s -> "«" + s.label() + "»").toList()) + "."));
            }
        }
        LocalDate doneOn = date(row, DONE_ON, bad, errors, false);
        LocalDate movedStart = date(row, MOVED_START, bad, errors, false);
        LocalDate movedEnd = date(row, MOVED_END, bad, errors, false);
        if (errors.size() > before) {
            return null;
        }
        return new Line(r, id, type, blankToNull(value.apply(TITLE)), start, end, blankToNull(grades),
                blankToNull(value.apply(SUBJECTS)), participants, participantIds, responsible, observers, coverage, status,
                doneOn, movedStart, movedEnd, blankToNull(value.apply(CANCEL_REASON)), bad.contains(RESULTS) ? null : blankToNull(row.cell(RESULTS).text()));
    }

    /** Municipalities (their schools take part) or schools, by name, separated by «;». */
    private static Participants participants(int r, String text, Units units, List<Long> ids, List<ImportError> errors) {
        Set<Participants> kinds = new LinkedHashSet<>();
        for (String part : text.split(";")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            List<Unit> municipalities = units.find(name, MUNICIPALITY);
            List<Unit> schools = municipalities.isEmpty() ? units.find(name, SCHOOL) : List.of();
            if (municipalities.size() == 1) {
                kinds.add(Participants.MUNICIPALITIES);
                ids.add(municipalities.getFirst().id());
            } else if (schools.size() == 1) {
                kinds.add(Participants.SCHOOLS);
                ids.add(schools.getFirst().id());
            } else if (municipalities.isEmpty() && schools.isEmpty()) {
                errors.add(new ImportError(r, HEADERS.get(PARTICIPANTS), "«" + name + "» — нет такого муниципалитета или школы в регионе. "
                        + "Напишите «" + ALL_SCHOOLS + "» или названия, как в справочнике, через «;»."));
            } else {
                errors.add(new ImportError(r, HEADERS.get(PARTICIPANTS), "Названием «" + name
                        + "» в регионе названо несколько организаций: для школы добавьте муниципалитет в скобках, "
                        + "например «" + name + " (" + (schools.isEmpty() ? "муниципалитет" : schools.getFirst().municipality()) + ")»."));
            }
        }
        if (kinds.size() > 1) {
            errors.add(new ImportError(r, HEADERS.get(PARTICIPANTS), "Участники — или муниципалитеты, или школы, но не вперемешку: "
                    + "вместо муниципалитета перечислите его школы, или наоборот."));
        }
        return kinds.isEmpty() ? Participants.ALL_SCHOOLS : kinds.iterator().next();
    }

    private static Long id(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            double n = cell.number();
            return n == Math.rint(n) && n > 0 && n < 1e15 ? (long) n : null;
        }
        try {
            long n = Long.parseLong(cell.value());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(SheetRow row, int column, Set<Integer> bad, List<ImportError> errors, boolean required) {
        if (bad.contains(column)) {
            return null;
        }
        SheetCell cell = row.cell(column);
        if (cell.isBlank()) {
            if (required) {
                errors.add(new ImportError(row.number(), HEADERS.get(column), "Не указана дата: напишите её как 15.03.2021"));
            }
            return null;
        }
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null && cell.number() > 1 && cell.number() < 110_000) {
            return DateUtil.getLocalDateTime(cell.number()).toLocalDate();
        }
        String text = cell.value();
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate d = LocalDate.parse(text, format);
                if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // the next way of writing it
            }
        }
        errors.add(new ImportError(row.number(), HEADERS.get(column), "Дата «" + text + "» не понята: напишите её как 15.03.2021"));
        return null;
    }

    private static BigDecimal percent(SheetRow row, List<ImportError> errors) {
        SheetCell cell = row.cell(COVERAGE);
        if (cell.isBlank()) {
            return null;
        }
        BigDecimal n;
        try {
            n = cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null ? BigDecimal.valueOf(cell.number())
                    : new BigDecimal(cell.value().replace("%", "").replace("\u00a0", "").replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null || n.stripTrailingZeros().scale() > 2) {
            errors.add(new ImportError(row.number(), HEADERS.get(COVERAGE), "Целевой охват — процент от 0 до 100, не точнее сотых "
                    + "(например, 100 или 95,5), а указано «" + cell.value() + "»."));
            return null;
        }
        return n;
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
            if (!key(actual).equals(key(HEADERS.get(i)))) {
                throw new HeaderRejected(new ImportError(row.number(), HEADERS.get(i),
                        "Столбец " + letter + " должен называться «" + HEADERS.get(i) + "», а в файле "
                                + (actual.isEmpty() ? "его нет. " : "— «" + actual + "». ") + EXPECTED_COLUMNS));
            }
        }
    }

    private static final class HeaderRejected extends RuntimeException {
        final transient ImportError error;

        HeaderRejected(ImportError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
