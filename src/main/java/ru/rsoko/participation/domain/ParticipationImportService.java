package ru.rsoko.participation.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.TemplateReading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ru.rsoko.participation.domain.ParticipationWorkbook.*;

/**
 * Participation in and out of Excel. The template holds the user's participating schools × the procedure's grades
 * with what is stored; the upload is read streamed and checked row by row — the school one the user may enter for,
 * the grade one of the procedure, each school and grade once, the figures as on the form — and a single error writes
 * nothing. Then all rows go in by batches ({@link ParticipationWriter}).
 */
@Service
public class ParticipationImportService {

    static final int MAX_ROWS = 50_000;
    static final String WRONG_TEMPLATE = "Это не тот шаблон: файл не является шаблоном участия в процедуре из РСОКО. "
            + "Скачайте шаблон на этой странице, заполните числа обучающихся и участников и загрузите его.";
    static final String NO_ROWS = "В файле нет ни одной строки с ОО и классами: скачайте шаблон на этой странице и заполните его.";
    static final String NOTHING_FILLED = "В файле не заполнено ни одной строки: укажите число обучающихся и число участников.";

    /** What an upload did: rows with figures, of how many schools; rows created and changed. */
    public record Summary(int rows, int schools, int created, int changed) {
    }


    private static final Logger log = LoggerFactory.getLogger(ParticipationImportService.class);

    private final PlanAccess plans;
    private final ParticipationQueries queries;
    private final ParticipationWriter writer;
    private final DirectoryPupils pupils;
    private final DirectoryService directory;

    ParticipationImportService(PlanAccess plans, ParticipationQueries queries, ParticipationWriter writer,
                               DirectoryPupils pupils, DirectoryService directory) {
        this.plans = plans;
        this.queries = queries;
        this.writer = writer;
        this.pupils = pupils;
        this.directory = directory;
    }

    /**
     * The template of the user's participating schools × the procedure's grades: what is stored, and in a grade without
     * data the directory's pupils of the procedure's school year (marked «из справочника»); a second sheet gives each
     * school's head, address and contacts as the directory has them.
     */
    @Transactional(readOnly = true)
    public void template(CurrentUser user, long procedureId, OutputStream out) throws IOException {
        ParticipationService.requireEnterer(user);
        Procedure procedure = plans.procedure(user, procedureId);
        Set<Long> schoolIds = queries.participating(user.scope(), procedure).keySet();
        Map<Long, Integer> fromDirectory = pupils.figures(procedure, schoolIds);
        List<OrgUnit> schools = directory.byIds(schoolIds).values().stream()
                .sorted(Comparator.comparing((OrgUnit u) -> u.parentName() == null ? "" : u.parentName())
                        .thenComparing(OrgUnit::name).thenComparingLong(OrgUnit::id))
                .toList();
        ParticipationWorkbook.write(out, procedure, DirectoryPupils.schoolYear(procedure), schools,
                sink -> queries.lines(user.scope(), procedure, line -> sink.accept(
                        line.prefilled(fromDirectory.get(ParticipationWriter.Write.key(line.schoolId(), line.grade()))))));
    }

    @Transactional(rollbackFor = Exception.class)
    public Summary upload(CurrentUser user, long procedureId, InputStream workbook) {
        ParticipationService.requireEnterer(user);
        long started = System.nanoTime();
        Procedure procedure = plans.procedure(user, procedureId);
        Map<Long, ParticipationQueries.SchoolRef> schools = queries.participating(user.scope(), procedure);
        Reading reading = new Reading(procedure, schools, pupils.figures(procedure, schools.keySet()));
        reading.read(workbook, SHEET);
        if (reading.pending.isEmpty()) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(NOTHING_FILLED)));
        }
        Map<Long, Integer> before = pupils.stored(procedure.id(), reading.pending);
        Saved result = writer.write(user.getUsername(), procedure.id(), reading.pending, false);
        pupils.giveBack(user.scope(), user.getUsername(), procedure, reading.pending, before);
        log.info("Участие из Excel, процедура {}: строк {}, с числами {}, создано {}, изменено {}; {} мс", procedureId,
                reading.dataRows(), reading.pending.size(), result.created(), result.changed(),
                (System.nanoTime() - started) / 1_000_000);
        return new Summary(reading.pending.size(), reading.schoolsWritten.size(), result.created(), result.changed());
    }

    private static final class Reading extends TemplateReading {
        final Procedure procedure;
        final Map<Long, ParticipationQueries.SchoolRef> schools;
        final List<Integer> grades;
        final Map<Long, Integer> seen = new HashMap<>();
        final Set<Long> refused = new HashSet<>();
        final Set<Long> schoolsWritten = new HashSet<>();
        final List<ParticipationWriter.Write> pending = new ArrayList<>();
        final Map<Long, Integer> fromDirectory;

        Reading(Procedure procedure, Map<Long, ParticipationQueries.SchoolRef> schools, Map<Long, Integer> fromDirectory) {
            super(HEADERS, new int[]{SCHOOL_ID, GRADE, PUPILS, PARTICIPANTS, OBSERVERS}, MAX_ROWS, WRONG_TEMPLATE, NO_ROWS);
            this.procedure = procedure;
            this.schools = schools;
            this.grades = procedure.gradeList();
            this.fromDirectory = fromDirectory;
        }

        @Override
        protected void marker(SheetRow row) {
            SheetCell id = row.cell(PROCEDURE_CELL);
            if (!MARKER.equals(row.cell(0).value()) || id.kind() != SheetCell.Kind.NUMBER || id.number() == null) {
                throw stop(WRONG_TEMPLATE);
            }
            long procedureId = id.number().longValue();
            if (procedureId != procedure.id()) {
                throw stop("Это не тот шаблон: он скачан для другой процедуры (№ " + procedureId
                        + "), а загрузка идёт в процедуру «" + procedure.title() + "». Скачайте шаблон этой процедуры.");
            }
        }

        @Override
        protected void data(SheetRow row) {
            int n = row.number();
            SheetCell idCell = cell(row, SCHOOL_ID), gradeCell = cell(row, GRADE);
            SheetCell pupilsCell = cell(row, PUPILS), participantsCell = cell(row, PARTICIPANTS);
            SheetCell observersCell = cell(row, OBSERVERS);
            Long schoolId = whole(idCell);
            if (schoolId == null || schoolId <= 0) {
                error(n, SCHOOL_ID, idCell.isBlank() ? "не указан ID ОО"
                        : "ID ОО должен быть числом, а не «" + Figures.shorten(idCell.value()) + "»");
                return;
            }
            ParticipationQueries.SchoolRef school = schools.get(schoolId);
            if (school == null) {
                if (refused.add(schoolId)) {
                    error(n, SCHOOL_ID, "ОО с ID " + schoolId
                            + " не найдена среди ваших ОО — участниц процедуры");
                }
                return;
            }
            Long grade = whole(gradeCell);
            if (grade == null || !grades.contains(grade.intValue())) {
                error(n, GRADE, gradeCell.isBlank() ? "не указан класс"
                        : "класс «" + Figures.shorten(gradeCell.value()) + "» не входит в процедуру (классы "
                        + procedure.gradesText() + ")");
                return;
            }
            Integer first = seen.putIfAbsent(ParticipationWriter.Write.key(schoolId, grade.intValue()), n);
            if (first != null) {
                error(n, GRADE, "ОО с ID " + schoolId + " и " + grade
                        + " класс уже есть в строке " + first + " — оставьте одну строку");
                return;
            }
            if (pupilsCell.isBlank() && participantsCell.isBlank()) {
                return; // no figures: nothing changes for this school and grade
            }
            if (participantsCell.isBlank() && ParticipationService.sameFigure(number(pupilsCell),
                    fromDirectory.get(ParticipationWriter.Write.key(schoolId, grade.intValue())))) {
                return; // the directory's pupils as the template prefilled them, no participants: nothing to save yet
            }
            List<ImportError> rowErrors = new ArrayList<>();
            Integer pupils = Figures.parse(number(pupilsCell), n, Figures.PUPILS, rowErrors);
            Integer participants = Figures.parse(number(participantsCell), n, Figures.PARTICIPANTS, rowErrors);
            Boolean observers = Figures.yesNo(observersCell.value(), n, HEADERS.get(OBSERVERS), rowErrors);
            if (pupils != null && participants != null) {
                Figures.consistent(pupils, participants, n, rowErrors);
            }
            errors(rowErrors);
            if (rowErrors.isEmpty() && !hasErrors()) {
                schoolsWritten.add(schoolId);
                pending.add(new ParticipationWriter.Write(schoolId, school.regionId(), school.municipalityId(),
                        grade.intValue(), pupils, participants, observers, null));
            }
        }
    }

    /** A whole number as typed: a number cell or digits; anything else null. */
    private static Long whole(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            double d = cell.number();
            return d == Math.rint(d) ? (long) d : null;
        }
        String text = cell.value().replace(" ", "").replace("\u00a0", "");
        return text.matches("-?\\d{1,15}") ? Long.valueOf(text) : null;
    }

    /** A figure's text: a number cell at its value, not as Excel happens to show it. */
    private static String number(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            return java.math.BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
        }
        return cell.value();
    }
}
