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
 * nothing. The values are then copied into a temporary table and go in with one upsert that changes only what differs
 * (so the direction scores' statement triggers run once); points come from {@link Indicator#pointsFor}, the one rule
 * of scoring.
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
        Reading reading = new Reading(user, campaign, workbooks.inScope(user, campaign));
        reading.read(workbook, SHEET);
        long read = System.nanoTime();
        Map<Long, Integer> changed = write(user, reading.pending);
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

    /**
     * Copies the values into a temporary table and upserts them with one statement; returns how many values of each
     * submission actually changed. An expert's correction keeps its points; an empty value keeps the stored one and its
     * points.
     */
    private Map<Long, Integer> write(CurrentUser user, CopyRows pending) {
        Map<Long, Integer> changed = new HashMap<>();
        if (pending.rows() == 0) {
            return changed;
        }
        jdbc.execute("""
                create temporary table if not exists vsoko_value_upload (submission_id bigint, indicator_id bigint,
                    value numeric, evidence_url varchar, points numeric) on commit drop""");
        jdbc.execute("truncate vsoko_value_upload");
        pending.into(jdbc, "vsoko_value_upload", "submission_id, indicator_id, value, evidence_url, points");
        jdbc.query("""
                with written as (
                    insert into vsoko_value as old (submission_id, indicator_id, value, evidence_url, points, updated_at, updated_by)
                    select t.submission_id, t.indicator_id, t.value, t.evidence_url, t.points, ?, ?
                    from vsoko_value_upload t
                    on conflict (submission_id, indicator_id) do update set
                        value = coalesce(excluded.value, old.value),
                        evidence_url = coalesce(excluded.evidence_url, old.evidence_url),
                        points = case when old.expert_value is not null or excluded.value is null then old.points
                                      else excluded.points end,
                        updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by,
                        prefilled_from = case when excluded.value is not null then null else old.prefilled_from end,
                        version = old.version + 1
                    where (excluded.value is not null and old.value is distinct from excluded.value)
                       or (excluded.evidence_url is not null and old.evidence_url is distinct from excluded.evidence_url)
                       or (excluded.value is not null and old.prefilled_from is not null)
                    returning submission_id)
                select submission_id, count(*) from written group by submission_id""",
                rs -> {
                    changed.put(rs.getLong(1), rs.getInt(2));
                }, Timestamp.from(clock.instant()), user.getUsername());
        return changed;
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
        /** What will be written: submission, indicator, value, link and points of each row, as COPY reads them. */
        final CopyRows pending = new CopyRows(5);
        /** The names of the user's schools, read from the directory at the first school refused. */
        Map<Long, OrgUnit> names;

        Reading(CurrentUser user, Campaign campaign, Map<Long, Submission> bySchool) {
            super(HEADERS, new int[]{SCHOOL_ID, CODE, VALUE, LINK}, MAX_ROWS, WRONG_TEMPLATE, NO_ROWS);
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
            }
        }

        private String locked(Submission submission) {
            if (names == null) {
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
