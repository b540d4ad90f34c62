package ru.rsoko.vsoko.selfassessment;

import ru.rsoko.platform.web.Plurals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.SheetCell;
import ru.rsoko.platform.spreadsheet.SheetRow;
import ru.rsoko.platform.spreadsheet.TemplateReading;
import ru.rsoko.platform.database.CopyRows;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static ru.rsoko.vsoko.selfassessment.ValuesWorkbook.*;

/**
 * Loads indicator values from the campaign's workbook, all or nothing. The file is read streamed and checked row by
 * row — the school must be one the user may fill in now, the code one of the framework, the answer read by
 * {@link Answers} as on the form — keeping only what will be written, as the bytes of a COPY; a single error writes
 * nothing. The values go in by {@link ValuesWriter}, chunk by chunk while the file is still being read, in the upload's
 * transaction; points come from {@link Indicator#pointsFor}, the one rule of scoring.
 */
@Service
class ValuesImportService {

    static final int MAX_ROWS = 500_000;

    static final String WRONG_TEMPLATE = "Это не тот шаблон: файл не является шаблоном значений показателей ВСОКО из РСОКО. "
            + "Скачайте шаблон на этой странице, заполните столбцы «Значение» и «Ссылка на подтверждение» и загрузите его.";
    static final String NO_ROWS = "В файле нет ни одной строки с показателями: скачайте шаблон на этой странице и заполните его.";

    /** What an upload did: schools in the file, schools whose values changed, values changed. */
    record Summary(int schools, int changedSchools, int changedValues) {
    }


    private static final Logger log = LoggerFactory.getLogger(ValuesImportService.class);

    /** Rows handed to the writer at a time ({@link ValuesWriter#CHUNK}; tests make it small to write a file in chunks). */
    int chunk = ValuesWriter.CHUNK;

    private final ValuesWorkbookService workbooks;
    private final SubmissionService submissionService;
    private final SubmissionRepository submissions;
    private final DirectoryService directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ValuesImportService(ValuesWorkbookService workbooks, SubmissionService submissionService, SubmissionRepository submissions,
                        DirectoryService directory, JdbcTemplate jdbc, Clock clock) {
        this.workbooks = workbooks;
        this.submissionService = submissionService;
        this.submissions = submissions;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(rollbackFor = Exception.class)
    Summary upload(CurrentUser user, long campaignId, InputStream workbook) {
        long started = System.nanoTime();
        Campaign campaign = workbooks.load(user, campaignId);
        Map<Long, Integer> changed;
        long read;
        Reading reading;
        // chunks of values are written while the rest of the file is read; an error anywhere writes nothing, as the
        // chunks already written roll back with the transaction
        try (ValuesWriter writer = new ValuesWriter(jdbc, Timestamp.from(clock.instant()), user.getUsername())) {
            reading = new Reading(user, campaign, workbooks.inScope(user, campaign), writer);
            reading.read(workbook, SHEET);
            read = System.nanoTime();
            writer.write(reading.pending);
            changed = writer.finish();
        }
        long written = System.nanoTime();
        Instant now = clock.instant();
        List<Object[]> history = new ArrayList<>();
        int values = 0;
        for (Map.Entry<Long, Integer> e : changed.entrySet()) {
            Submission submission = reading.byId.get(e.getKey());
            if (submission.getStatus() == SubmissionStatus.NOT_STARTED) {
                submission.setStatus(SubmissionStatus.IN_PROGRESS);
            }
            submission.touched(now, user.getUsername());
            history.add(new Object[]{submission.getId(), Timestamp.from(now), user.getUsername(),
                    SubmissionEvent.Action.UPLOADED.name(), "загружено из Excel: изменено " + e.getValue() + " " + values(e.getValue())});
            values += e.getValue();
        }
        // the history is append-only and not audited: one batch, not an entity per line
        jdbc.batchUpdate("insert into vsoko_submission_event (submission_id, at, username, action, detail) values (?, ?, ?, ?, ?)",
                history);
        submissions.flush();
        log.info("Значения ВСОКО из Excel, кампания {}: строк {}, записано {} значений {} школ; чтение и проверка {} мс, "
                        + "запись {} мс, самооценки и история {} мс", campaignId, reading.dataRows(), values, changed.size(),
                (read - started) / 1_000_000, (written - read) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        return new Summary(reading.schools.size(), changed.size(), values);
    }

    private static String values(int n) {
        return Plurals.word(n, "значение", "значения", "значений");
    }

    /** The state of one reading: small per row — the lookups, the rows seen, what will be written. */
    private final class Reading extends TemplateReading {
        final CurrentUser user;
        final Campaign campaign;
        final Map<Long, Submission> bySchool;
        final Map<Long, Submission> byId = new HashMap<>();
        final Map<String, Indicator> byCode = new HashMap<>();
        final Map<Indicator, Integer> index = new HashMap<>();
        /** The submissions' places in {@link #seen}. */
        final Map<Long, Integer> ordinal = new HashMap<>();
        /** The row of each submission and indicator already read (0: none yet): an int a pair, not an object a row. */
        final int[] seen;
        final Map<Long, Boolean> fillable = new HashMap<>();
        final Set<Long> refused = new HashSet<>();
        final Set<Long> schools = new HashSet<>();
        /** Writes the values read, a chunk at a time. */
        final ValuesWriter writer;
        /** What will be written next: submission, indicator, value, link and points of each row, as COPY reads them. */
        CopyRows pending = new CopyRows(5);
        /** The names of the user's schools, read from the directory at the first school refused. */
        Map<Long, OrgUnit> names;

        Reading(CurrentUser user, Campaign campaign, Map<Long, Submission> bySchool, ValuesWriter writer) {
            super(HEADERS, new int[]{SCHOOL_ID, CODE, VALUE, LINK}, MAX_ROWS, WRONG_TEMPLATE, NO_ROWS);
            this.writer = writer;
            this.user = user;
            this.campaign = campaign;
            this.bySchool = bySchool;
            bySchool.values().forEach(s -> {
                ordinal.put(s.getId(), ordinal.size());
                byId.put(s.getId(), s);
                fillable.put(s.getId(), submissionService.canFill(user, s));
            });
            List<Indicator> all = campaign.getFramework().indicators();
            seen = new int[bySchool.size() * all.size()];
            for (int i = 0; i < all.size(); i++) {
                byCode.put(all.get(i).getCode().strip().toLowerCase(Locale.ROOT), all.get(i));
                index.put(all.get(i), i);
            }
        }

        @Override
        protected void marker(SheetRow row) {
            SheetCell campaignCell = row.cell(CAMPAIGN_CELL), frameworkCell = row.cell(FRAMEWORK_CELL);
            if (!MARKER.equals(row.cell(0).value()) || campaignCell.number() == null || frameworkCell.number() == null) {
                throw stop(WRONG_TEMPLATE);
            }
            long campaignId = campaignCell.number().longValue();
            if (campaignId != campaign.getId()) {
                throw stop("Это не тот шаблон: он скачан для другой кампании (№ " + campaignId
                        + "), а загрузка идёт в кампанию «" + campaign.getName() + "». Скачайте шаблон этой кампании.");
            }
            if (frameworkCell.number().longValue() != campaign.getFramework().getId()) {
                throw stop("Это не тот шаблон: он сделан для другого набора показателей. "
                        + "Скачайте шаблон кампании заново.");
            }
        }

        @Override
        protected void data(SheetRow row) {
            int n = row.number();
            SheetCell idCell = cell(row, SCHOOL_ID), codeCell = cell(row, CODE);
            SheetCell valueCell = cell(row, VALUE), linkCell = cell(row, LINK);
            if (valueCell.isBlank() && linkCell.isBlank()) {
                return; // an empty value and link change nothing
            }
            Long schoolId = schoolId(idCell);
            if (schoolId == null) {
                error(n, SCHOOL_ID, idCell.isBlank() ? "не указан ID школы"
                        : "ID школы должен быть числом, а не «" + shorten(idCell.value()) + "»");
                return;
            }
            Submission submission = bySchool.get(schoolId);
            if (submission == null) {
                if (refused.add(schoolId)) {
                    error(n, SCHOOL_ID, "школа с ID " + schoolId
                            + " не найдена среди ваших школ — участниц кампании");
                }
                return;
            }
            schools.add(schoolId);
            if (!fillable.get(submission.getId())) {
                if (refused.add(schoolId)) {
                    error(n, SCHOOL_ID, locked(submission));
                }
                return;
            }
            String code = codeCell.value();
            Indicator indicator = code.isEmpty() ? null : byCode.get(code.toLowerCase(Locale.ROOT));
            if (indicator == null) {
                error(n, CODE, code.isEmpty() ? "не указан код показателя"
                        : "нет показателя с кодом «" + shorten(code) + "» в наборе показателей кампании");
                return;
            }
            int at = ordinal.get(submission.getId()) * index.size() + index.get(indicator);
            int first = seen[at];
            if (first == 0) {
                seen[at] = n;
            } else {
                error(n, CODE, indicator.getCode() + ": эта школа и этот показатель уже есть "
                        + "в строке " + first + " — оставьте одну строку");
                return;
            }
            BigDecimal value = null;
            String link = null;
            try {
                value = Answers.read(indicator, answer(valueCell));
            } catch (Answers.Invalid e) {
                error(n, VALUE, indicator.getCode() + ": " + e.getMessage());
            }
            try {
                link = Answers.link(linkCell.value());
            } catch (Answers.Invalid e) {
                error(n, LINK, indicator.getCode() + ": " + e.getMessage());
            }
            if (!hasErrors() && (value != null || link != null)) {
                pending.add(submission.getId()).add(indicator.getId()).add(value).add(link)
                        .add(indicator.pointsFor(value));
                if (pending.rows() >= chunk) {
                    writer.write(pending);
                    pending = new CopyRows(5);
                }
            }
        }

        private String locked(Submission submission) {
            if (names == null) {
                writer.idle(); // the connection is the writer's while it writes
                names = directory.byIds(bySchool.keySet());
            }
            OrgUnit unit = names.get(submission.getSchoolId());
            String school = "самооценка школы «" + (unit == null ? "" : unit.name()) + "» (ID " + submission.getSchoolId() + ")";
            if (!submission.getStatus().editable()) {
                return school + " уже в состоянии «" + submission.getStatus().label() + "»: изменения не принимаются";
            }
            return school + ": приём самооценки закрыт, кампания в состоянии «" + campaign.getStatus().label() + "»";
        }
    }

    /** A school's id as typed: a number cell or digits. */
    private static Long schoolId(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null) {
            double d = cell.number();
            return d == Math.rint(d) && d > 0 ? (long) d : null;
        }
        String text = cell.value().replace(" ", "").replace("\u00a0", "");
        return text.matches("\\d{1,15}") ? Long.valueOf(text) : null;
    }

    /**
     * The answer as Answers reads it. A number cell is taken at its value (not as Excel happens to show it, which may
     * be rounded or «1,2E+07»), except a percentage-formatted one, which Excel shows as the person meant it.
     */
    private static String answer(SheetCell cell) {
        if (cell.kind() == SheetCell.Kind.NUMBER && cell.number() != null && !cell.value().endsWith("%")) {
            return BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
        }
        return cell.value();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
