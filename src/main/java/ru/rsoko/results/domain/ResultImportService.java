package ru.rsoko.results.domain;

import org.jspecify.annotations.Nullable;
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
import ru.rsoko.results.Subject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ru.rsoko.results.domain.ResultWorkbook.*;

/**
 * Results in and out of Excel. The template holds the procedure's schools × grades × subjects with what is stored;
 * the upload is read streamed and checked cell by cell — the school one of the procedure's, the grade one of its
 * grades, the subject a known one, each school, grade and subject once, the marks summing to the participants — and
 * a single error writes nothing.
 */
@Service
public class ResultImportService {

    static final int MAX_ROWS = 100_000;
    static final String WRONG_TEMPLATE = "Это не тот шаблон: файл не является шаблоном результатов процедуры из РСОКО. "
            + "Скачайте шаблон на этой странице, заполните его и загрузите.";
    static final String NO_ROWS = "В файле нет ни одной строки с ОО, классами и предметами: скачайте шаблон на этой странице "
            + "и заполните его.";
    static final String NOTHING_FILLED = "В файле не заполнено ни одной строки: укажите число участников и отметки.";

    /** The subjects of a template when the procedure names none that the product knows. */
    static final List<Subject> DEFAULT_SUBJECTS = List.of(Subject.RUSSIAN, Subject.MATHEMATICS);

    private static final Logger log = LoggerFactory.getLogger(ResultImportService.class);

    private final PlanAccess plans;
    private final ResultQueries queries;
    private final ProcedureResultService results;

    ResultImportService(PlanAccess plans, ResultQueries queries, ProcedureResultService results) {
        this.plans = plans;
        this.queries = queries;
        this.results = results;
    }

    /** The subjects a procedure names in its «subjects» text that the product knows, in their order. */
    static List<Subject> subjects(Procedure procedure) {
        Set<Subject> found = new LinkedHashSet<>();
        if (procedure.subjects() != null) {
            for (String part : procedure.subjects().split("[,;]")) {
                Subject s = Subject.parse(part);
                if (s != null) {
                    found.add(s);
                }
            }
        }
        return found.isEmpty() ? DEFAULT_SUBJECTS : List.copyOf(found);
    }

    @Transactional(readOnly = true)
    public void template(CurrentUser user, long procedureId, OutputStream out) throws IOException {
        Procedure procedure = plans.procedure(user, procedureId);
        ProcedureResultService.requireWriter(user, procedure);
        List<String> codes = subjects(procedure).stream().map(Enum::name).toList();
        ResultWorkbook.write(out, procedure, sink -> queries.lines(user.scope(), procedure, codes, sink));
    }

    @Transactional(rollbackFor = Exception.class)
    public ProcedureResultService.Saved upload(CurrentUser user, long procedureId, InputStream workbook) {
        long started = System.nanoTime();
        Procedure procedure = plans.procedure(user, procedureId);
        ProcedureResultService.requireWriter(user, procedure);
        Reading reading = new Reading(procedure, queries.participating(user.scope(), procedure));
        reading.read(workbook, SHEET);
        if (reading.pending.isEmpty()) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(NOTHING_FILLED)));
        }
        ProcedureResultService.Saved saved = results.write(user.getUsername(), procedure,
                plans.plan(user, procedure.planId()).year(), reading.pending, false);
        log.info("Результаты из Excel, процедура {}: строк {}, с числами {}, создано {}, изменено {}; {} мс", procedureId,
                reading.dataRows(), reading.pending.size(), saved.created(), saved.changed(),
                (System.nanoTime() - started) / 1_000_000);
        return saved;
    }

    private static final class Reading extends TemplateReading {
        final Procedure procedure;
        final Map<Long, ResultQueries.SchoolRef> schools;
        final Map<String, Integer> seen = new HashMap<>();
        final Set<Long> refused = new HashSet<>();
        final List<ProcedureResultService.Pending> pending = new ArrayList<>();
        final ResultInput.Names names = new ResultInput.Names(HEADERS.get(PARTICIPANTS), HEADERS.get(MARK2),
                HEADERS.get(MARK3), HEADERS.get(MARK4), HEADERS.get(MARK5), HEADERS.get(MEAN), HEADERS.get(LOWERED),
                HEADERS.get(CONFIRMED), HEADERS.get(RAISED));

        Reading(Procedure procedure, Map<Long, ResultQueries.SchoolRef> schools) {
            super(HEADERS, new int[]{SCHOOL_ID, GRADE, SUBJECT, PARTICIPANTS, MARK2, MARK3, MARK4, MARK5, MEAN, LOWERED,
                    CONFIRMED, RAISED}, MAX_ROWS, WRONG_TEMPLATE, NO_ROWS);
            this.procedure = procedure;
            this.schools = schools;
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
            int[] figureColumns = {PARTICIPANTS, MARK2, MARK3, MARK4, MARK5, MEAN, LOWERED, CONFIRMED, RAISED};
            boolean blank = true;
            for (int c : figureColumns) {
                blank &= cell(row, c).isBlank();
            }
            SheetCell idCell = cell(row, SCHOOL_ID), gradeCell = cell(row, GRADE), subjectCell = cell(row, SUBJECT);
            if (blank) {
                return; // no figures: nothing changes for this school, grade and subject
            }
            Long schoolId = whole(idCell);
            if (schoolId == null || schoolId <= 0) {
                error(n, SCHOOL_ID, idCell.isBlank() ? "не указан ID ОО"
                        : "ID ОО должен быть числом, а не «" + ProcedureResultService.shorten(idCell.value()) + "»");
                return;
            }
            ResultQueries.SchoolRef school = schools.get(schoolId);
            if (school == null) {
                if (refused.add(schoolId)) {
                    error(n, SCHOOL_ID, "ОО с ID " + schoolId + " не участвует в процедуре «" + procedure.title()
                            + "» (или не из вашего региона)");
                }
                return;
            }
            Long grade = whole(gradeCell);
            if (grade == null || !procedure.gradeList().contains(grade.intValue())) {
                error(n, GRADE, gradeCell.isBlank() ? "не указан класс"
                        : "класс «" + ProcedureResultService.shorten(gradeCell.value()) + "» не входит в процедуру (классы "
                        + procedure.gradesText() + ")");
                return;
            }
            Subject subject = Subject.parse(subjectCell.value());
            if (subject == null) {
                error(n, SUBJECT, subjectCell.isBlank() ? "не указан предмет"
                        : "неизвестный предмет «" + ProcedureResultService.shorten(subjectCell.value()) + "»");
                return;
            }
            Integer first = seen.putIfAbsent(ProcedureResultService.Pending.key(schoolId, grade.intValue(), subject.name()), n);
            if (first != null) {
                error(n, SUBJECT, "ОО с ID " + schoolId + ", " + grade + " класс, " + subject.label()
                        + " — уже есть в строке " + first + ": оставьте одну строку");
                return;
            }
            List<ImportError> rowErrors = new ArrayList<>();
            Integer participants = count(row, PARTICIPANTS, n, rowErrors);
            Integer m2 = count(row, MARK2, n, rowErrors), m3 = count(row, MARK3, n, rowErrors);
            Integer m4 = count(row, MARK4, n, rowErrors), m5 = count(row, MARK5, n, rowErrors);
            Integer lowered = count(row, LOWERED, n, rowErrors), confirmed = count(row, CONFIRMED, n, rowErrors);
            Integer raised = count(row, RAISED, n, rowErrors);
            BigDecimal mean = decimal(row, MEAN, n, rowErrors);
            if (!rowErrors.isEmpty()) {
                errors(rowErrors);
                return;
            }
            ResultInput.Figures figures = ResultInput.check(participants, m2, m3, m4, m5, mean, lowered, confirmed,
                    raised, n, names, rowErrors);
            errors(rowErrors);
            if (figures != null && !hasErrors()) {
                pending.add(new ProcedureResultService.Pending(school, grade.intValue(), subject, figures, null, n));
            }
        }

        /** A count as typed: blank is null, a whole number from 0; anything else an error of its cell. */
        private @Nullable Integer count(SheetRow row, int column, int n, List<ImportError> errors) {
            SheetCell c = cell(row, column);
            if (c.isBlank()) {
                return null;
            }
            Long v = whole(c);
            if (v == null || v < 0 || v > ResultInput.MAX_PARTICIPANTS) {
                errors.add(new ImportError(n, HEADERS.get(column), "нужно целое число от 0 до " + ResultInput.MAX_PARTICIPANTS
                        + ", а не «" + ProcedureResultService.shorten(c.value()) + "»"));
                return null;
            }
            return v.intValue();
        }

        private @Nullable BigDecimal decimal(SheetRow row, int column, int n, List<ImportError> errors) {
            SheetCell c = cell(row, column);
            if (c.isBlank()) {
                return null;
            }
            if (c.kind() == SheetCell.Kind.NUMBER && c.number() != null) {
                return BigDecimal.valueOf(c.number()).stripTrailingZeros();
            }
            String text = c.value().strip().replace(',', '.').replace(" ", "").replace("\u00a0", "");
            if (text.matches("\\d{1,6}(\\.\\d{1,10})?")) {
                return new BigDecimal(text).stripTrailingZeros();
            }
            errors.add(new ImportError(n, HEADERS.get(column), "нужно число (например, 14,5), а не «"
                    + ProcedureResultService.shorten(c.value()) + "»"));
            return null;
        }
    }

    /** A whole number as typed: a number cell or digits; anything else null. */
    private static @Nullable Long whole(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            double d = cell.number();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
        }
        String text = cell.value().replace(" ", "").replace("\u00a0", "");
        return text.matches("-?\\d{1,15}") ? Long.valueOf(text) : null;
    }
}
