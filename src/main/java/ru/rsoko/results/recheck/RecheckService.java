package ru.rsoko.results.recheck;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.TextLimits;
import ru.rsoko.results.Subject;
import ru.rsoko.results.signs.SchoolsWithSigns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Regional re-checks of a procedure's works. Regional staff draw the sample, keep the experts and the marks; an
 * administrator reads everything in their region; municipal officers and directors read only the discrepancy of their
 * scope's schools (never the works and their codes). A re-check of another region, or without any school of a
 * municipality's or director's scope, is 404.
 */
@Service
@Transactional
public class RecheckService {

    public static final int MAX_SCHOOLS = 200;
    public static final int MAX_WORKS = 100;
    public static final BigDecimal MAX_SCORE = new BigDecimal("999.99");

    /** A re-check as pages and the API show it; {@code full}: the reader sees its works and experts. */
    public record View(long id, long regionId, long procedureId, String procedureTitle, int year, Subject subject, int grade,
                       SampleRule rule, int schoolsWanted, int worksPerSchool, long seed, RecheckStatus status,
                       Instant createdAt, String createdBy, long version, long schools, long works) {

        /** «Математика, 5 кл.». */
        public String what() {
            return subject.label() + ", " + grade + " кл.";
        }
    }

    public record ExpertRow(long id, String name, @Nullable String position, long works, long version) {
    }

    public record WorkRow(long id, long schoolId, String schoolName, @Nullable String municipalityName, String code,
                          @Nullable String reason, @Nullable BigDecimal schoolScore, @Nullable Integer schoolMark,
                          @Nullable Long expertId, @Nullable String expertName, @Nullable BigDecimal expertScore,
                          @Nullable Integer expertMark, @Nullable Instant checkedAt, @Nullable String checkedBy, long version) {

        /** Both marks present. */
        public boolean checked() {
            return schoolMark != null && expertMark != null;
        }

        /** «понизили», «повысили», «подтвердили», or null before both marks. */
        public @Nullable String verdict() {
            if (!checked()) {
                return null;
            }
            return expertMark < schoolMark ? "понизили" : expertMark > schoolMark ? "повысили" : "подтвердили";
        }
    }

    /** What the draw form (or the API) sends. */
    public record DrawForm(@Nullable Long procedureId, @Nullable Subject subject, @Nullable Integer grade,
                           @Nullable SampleRule rule, @Nullable Integer schools, @Nullable Integer worksPerSchool,
                           @Nullable Long seed) {
    }

    /** One work's marks as typed; {@code code} names it in an upload or the API, {@code expertId} the expert. */
    public record Marks(@Nullable String code, @Nullable Long expertId, @Nullable BigDecimal schoolScore,
                        @Nullable Integer schoolMark, @Nullable BigDecimal expertScore, @Nullable Integer expertMark,
                        @Nullable Long version) {
    }

    /** A procedure one may draw a sample of. */
    public record ProcedureChoice(long id, int year, String title, String grades) {
    }

    private final RecheckRepository rechecks;
    private final RecheckExpertRepository experts;
    private final RecheckWorkRepository works;
    private final RecheckDiscrepancies discrepancies;
    private final PlanAccess plans;
    private final SchoolLists lists;
    private final SchoolsWithSigns signs;
    private final JdbcTemplate jdbc;
    private final AuditHistory auditHistory;
    private final Clock clock;

    RecheckService(RecheckRepository rechecks, RecheckExpertRepository experts, RecheckWorkRepository works,
                   RecheckDiscrepancies discrepancies, PlanAccess plans, SchoolLists lists, SchoolsWithSigns signs,
                   JdbcTemplate jdbc, AuditHistory auditHistory, Clock clock) {
        this.rechecks = rechecks;
        this.experts = experts;
        this.works = works;
        this.discrepancies = discrepancies;
        this.plans = plans;
        this.lists = lists;
        this.signs = signs;
        this.jdbc = jdbc;
        this.auditHistory = auditHistory;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** Regional staff keep re-checks. */
    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Перепроверки ведут сотрудники региона");
        }
    }

    /** Regional staff and administrators see the works, their codes and the experts. */
    public static boolean seesWorks(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.ADMIN);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The year's page of re-checks (the year asked for, or the default one), read in one transaction. */
    public record ListPage(int year, List<Integer> years, List<View> rechecks, List<RecheckDiscrepancies.Figure> report) {
    }

    @Transactional(readOnly = true)
    public ListPage page(CurrentUser user, @org.jspecify.annotations.Nullable Integer year) {
        int shown = year != null ? year : defaultYear(user);
        return new ListPage(shown, years(user), list(user, shown), report(user, shown));
    }

    @Transactional(readOnly = true)
    public List<View> list(CurrentUser user, int year) {
        List<Object> args = new ArrayList<>(List.of(year));
        return titled(user, jdbc.query(SELECT + " where r.year = ? and " + visible(user.scope(), args) + GROUP
                + " order by r.created_at desc, r.id desc", RecheckService::view, args.toArray()));
    }

    @Transactional(readOnly = true)
    public View view(CurrentUser user, long id) {
        List<Object> args = new ArrayList<>(List.of(id));
        View v = jdbc.query(SELECT + " where r.id = ? and " + visible(user.scope(), args) + GROUP, RecheckService::view,
                args.toArray()).stream().findFirst().orElseThrow(() -> NotFoundException.of("Перепроверка", id));
        return titled(user, List.of(v)).getFirst();
    }

    /** The procedures' titles from the plan's face, in one read of the plans the user sees. */
    private List<View> titled(CurrentUser user, List<View> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<Long, String> titles = new HashMap<>();
        plans.procedures(plans.list(user)).values().forEach(ps -> ps.forEach(p -> titles.put(p.id(), p.title())));
        return views.stream().map(v -> new View(v.id(), v.regionId(), v.procedureId(),
                titles.getOrDefault(v.procedureId(), "Процедура № " + v.procedureId()), v.year(), v.subject(), v.grade(),
                v.rule(), v.schoolsWanted(), v.worksPerSchool(), v.seed(), v.status(), v.createdAt(), v.createdBy(),
                v.version(), v.schools(), v.works())).toList();
    }

    /** The years with re-checks the user sees, newest first, the current year always offered. */
    @Transactional(readOnly = true)
    public List<Integer> years(CurrentUser user) {
        List<Object> args = new ArrayList<>();
        List<Integer> years = new ArrayList<>(jdbc.queryForList("select distinct r.year from recheck r where "
                + visible(user.scope(), args) + " order by 1 desc", Integer.class, args.toArray()));
        int now = currentYear(user);
        if (!years.contains(now)) {
            years.add(now);
            years.sort(Collections.reverseOrder());
        }
        return years;
    }

    /** The latest year with re-checks the user sees, else the current year. */
    @Transactional(readOnly = true)
    public int defaultYear(CurrentUser user) {
        List<Object> args = new ArrayList<>();
        Integer latest = jdbc.queryForObject("select max(r.year) from recheck r where " + visible(user.scope(), args),
                Integer.class, args.toArray());
        return latest != null ? latest : currentYear(user);
    }

    public int currentYear(CurrentUser user) {
        ZoneId zone = user.zone() != null ? user.zone() : ZoneId.of("Europe/Moscow");
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    @Transactional(readOnly = true)
    public List<ExpertRow> experts(CurrentUser user, long id) {
        View v = fullView(user, id);
        return jdbc.query("""
                select e.id, e.name, e.position, count(w.id), e.version from recheck_expert e
                left join recheck_work w on w.expert_id = e.id
                where e.recheck_id = ? group by e.id order by e.id""",
                (rs, i) -> new ExpertRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)), v.id());
    }

    @Transactional(readOnly = true)
    public List<WorkRow> works(CurrentUser user, long id) {
        View v = fullView(user, id);
        return jdbc.query(WORKS + " where w.recheck_id = ? order by w.code", RecheckService::work, v.id());
    }

    @Transactional(readOnly = true)
    public WorkRow work(CurrentUser user, long id, long workId) {
        View v = fullView(user, id);
        return jdbc.query(WORKS + " where w.recheck_id = ? and w.id = ?", RecheckService::work, v.id(), workId).stream()
                .findFirst().orElseThrow(() -> NotFoundException.of("Работа перепроверки", workId));
    }

    /** The discrepancy per school of the re-check the user may see. */
    @Transactional(readOnly = true)
    public List<RecheckDiscrepancies.Figure> discrepancies(CurrentUser user, long id) {
        View v = view(user, id);
        return discrepancies.ofRecheck(v.id(), user.scope());
    }

    /** The discrepancy per re-check and school of the user's region's year, within their scope. */
    @Transactional(readOnly = true)
    public List<RecheckDiscrepancies.Figure> report(CurrentUser user, int year) {
        if (user.regionId() == null) {
            return List.of();
        }
        return discrepancies.ofYear(user.regionId(), year, user.scope());
    }

    /** A work's changes: marks, scores and expert, who and when. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id, long workId) {
        work(user, id, workId);
        Map<Long, String> names = new HashMap<>();
        experts(user, id).forEach(e -> names.put(e.id(), e.name()));
        return auditHistory.of(RecheckWork.class, workId, HistoryFields.of(RecheckWork.class)
                .field("Балл ОО", RecheckWork::getSchoolScore)
                .field("Отметка ОО", RecheckWork::getSchoolMark)
                .field("Эксперт", w -> w.getExpertId() == null ? null : names.getOrDefault(w.getExpertId(), "эксперт удалён"))
                .field("Балл эксперта", RecheckWork::getExpertScore)
                .field("Отметка эксперта", RecheckWork::getExpertMark));
    }

    /** The procedures of the region's plans a sample may be drawn of, the latest year first, ВПР first. */
    @Transactional(readOnly = true)
    public List<ProcedureChoice> procedures(CurrentUser user) {
        List<Plan> visible = plans.list(user).stream().filter(p -> user.regionId() != null && p.regionId() == user.regionId()).toList();
        List<ProcedureChoice> out = new ArrayList<>();
        Map<Long, Plan> byId = new HashMap<>();
        visible.forEach(p -> byId.put(p.id(), p));
        plans.procedures(visible).forEach((planId, procedures) -> procedures.stream()
                .filter(p -> p.status() != ProcedureStatus.CANCELLED)
                .forEach(p -> out.add(new ProcedureChoice(p.id(), byId.get(planId).year(), p.title(), p.gradesText()))));
        out.sort((a, b) -> a.year() != b.year() ? Integer.compare(b.year(), a.year()) : 0);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the draw

    /** Draws the sample and creates its works; the re-check's id. */
    public long draw(CurrentUser user, DrawForm form) {
        requireKeeper(user);
        if (form.procedureId() == null) {
            throw RuleViolationException.field("procedureId", "Выберите процедуру");
        }
        Procedure procedure = plans.procedure(user, form.procedureId());
        if (!Long.valueOf(procedure.regionId()).equals(user.regionId())) {
            throw NotFoundException.of("Процедура", form.procedureId());
        }
        Subject subject = form.subject();
        if (subject == null) {
            throw RuleViolationException.field("subject", "Выберите предмет");
        }
        Integer grade = form.grade();
        if (grade == null || grade < 1 || grade > 11) {
            throw RuleViolationException.field("grade", "Укажите класс от 1 до 11");
        }
        if (!procedure.gradeList().isEmpty() && !procedure.gradeList().contains(grade)) {
            throw RuleViolationException.field("grade", "Процедура «" + procedure.title() + "» проводится в классах "
                    + procedure.gradesText() + ", а не в " + grade + "-м");
        }
        SampleRule rule = form.rule();
        if (rule == null) {
            throw RuleViolationException.field("rule", "Выберите правило выборки");
        }
        int wanted = bounded(form.schools(), "schools", "Число школ", MAX_SCHOOLS);
        int perSchool = bounded(form.worksPerSchool(), "worksPerSchool", "Число работ от школы", MAX_WORKS);
        long seed = form.seed() != null ? form.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        int year = plans.plan(user, procedure.planId()).year();
        long regionId = procedure.regionId();
        String what = subject.byLabel() + " " + grade + " кл.";

        Set<Long> withResults = Set.of();
        Set<Long> participants = Set.of();
        Set<Long> signed = Set.of();
        Map<Long, String> listed = Map.of();
        switch (rule) {
            case RANDOM -> {
                withResults = new HashSet<>(jdbc.queryForList("""
                        select distinct p.school_id from procedure_result p join directory_org_unit s on s.id = p.school_id
                        where p.procedure_id = ? and p.subject = ? and p.grade = ? and p.participants > 0 and s.active""",
                        Long.class, procedure.id(), subject.name(), grade));
                if (withResults.isEmpty()) {
                    participants = participants(procedure);
                }
            }
            case SIGNS -> signed = inRegion(signs.of(regionId, year, subject, grade), regionId);
            case LISTED -> {
                Map<Long, Set<String>> on = new TreeMap<>();
                for (SchoolLists.Listing l : lists.of(Scope.region(regionId), year, year)) {
                    on.computeIfAbsent(l.schoolId(), k -> new java.util.TreeSet<>()).add("«" + l.kind().label() + "» " + year);
                }
                Map<Long, String> m = new LinkedHashMap<>();
                on.forEach((k, v) -> m.put(k, String.join(", ", v)));
                listed = m;
            }
        }
        List<RecheckSampler.Candidate> candidates = RecheckSampler.candidates(rule, what, withResults, participants, signed, listed);
        if (candidates.isEmpty()) {
            throw RuleViolationException.field("rule", switch (rule) {
                case RANDOM -> "У процедуры нет ни школ с результатами " + what + ", ни участников: выбирать не из чего";
                case SIGNS -> "Правила региона не находят признаков необъективности " + what + " в " + year + " году";
                case LISTED -> "В списках " + year + " года нет ни одной школы";
            });
        }
        List<RecheckSampler.Picked> picked = RecheckSampler.draw(candidates, wanted, seed);
        Recheck recheck = rechecks.saveAndFlush(new Recheck(regionId, procedure.id(), year, subject.name(), grade, rule,
                wanted, perSchool, seed, clock.instant(), user.getUsername()));
        Map<Long, Long> municipalities = municipalities(picked.stream().map(RecheckSampler.Picked::schoolId).toList());
        List<RecheckWork> made = new ArrayList<>();
        for (RecheckSampler.Picked p : picked) {
            for (int n = 1; n <= perSchool; n++) {
                made.add(new RecheckWork(recheck.getId(), p.schoolId(), municipalities.get(p.schoolId()),
                        RecheckSampler.code(p.order(), n), p.reason()));
            }
        }
        works.saveAll(made);
        works.flush();
        return recheck.getId();
    }

    private Set<Long> participants(Procedure procedure) {
        String base = "select s.id from directory_org_unit s where s.type = 'SCHOOL' and s.active and s.region_id = ?";
        Long[] ids = procedure.participantIds().toArray(Long[]::new);
        List<Long> found = procedure.participants() == Participants.ALL_SCHOOLS
                ? jdbc.queryForList(base, Long.class, procedure.regionId())
                : procedure.participants() == Participants.MUNICIPALITIES
                ? jdbc.queryForList(base + " and s.municipality_id = any(?)", Long.class, procedure.regionId(), ids)
                : jdbc.queryForList(base + " and s.id = any(?)", Long.class, procedure.regionId(), ids);
        return new HashSet<>(found);
    }

    private Set<Long> inRegion(Set<Long> ids, long regionId) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select s.id from directory_org_unit s where s.id = any(?) and s.region_id = ?"
                + " and s.type = 'SCHOOL'", Long.class, ids.toArray(Long[]::new), regionId));
    }

    private Map<Long, Long> municipalities(List<Long> schoolIds) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.query("select id, municipality_id from directory_org_unit where id = any(?)",
                rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, Long.class));
                }, (Object) schoolIds.toArray(Long[]::new));
        return out;
    }

    private static int bounded(@Nullable Integer value, String field, String label, int max) {
        if (value == null || value < 1 || value > max) {
            throw RuleViolationException.field(field, label + ": от 1 до " + max);
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------------ experts

    public long addExpert(CurrentUser user, long id, @Nullable String name, @Nullable String position) {
        View v = kept(user, id);
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.isEmpty()) {
            throw RuleViolationException.field("name", "Укажите ФИО эксперта");
        }
        if (n.length() > 300) {
            throw RuleViolationException.field("name", TextLimits.message(300, "ФИО эксперта", n.length()));
        }
        String p = position == null ? null : position.strip().replaceAll("\\s+", " ");
        if (p != null && p.length() > 500) {
            throw RuleViolationException.field("position", TextLimits.message(500, "Должность", p.length()));
        }
        return experts.saveAndFlush(new RecheckExpert(v.id(), n, p == null || p.isEmpty() ? null : p)).getId();
    }

    /** Removes an expert; their works stay with their marks, without an expert. */
    public void removeExpert(CurrentUser user, long id, long expertId) {
        View v = kept(user, id);
        RecheckExpert expert = experts.findById(expertId).filter(e -> e.getRecheckId() == v.id())
                .orElseThrow(() -> NotFoundException.of("Эксперт", expertId));
        for (RecheckWork w : works.findByRecheckIdOrderByCode(v.id())) {
            if (expert.getId().equals(w.getExpertId())) {
                w.setExpertId(null);
            }
        }
        works.flush();
        experts.delete(expert);
        experts.flush();
    }

    /**
     * Gives every work an expert, evenly, round robin by school: the schools in the order of the draw go to the experts in
     * turn, so that one school's works are with one expert (as a commission shares them by school packet).
     */
    public int assignEvenly(CurrentUser user, long id) {
        View v = kept(user, id);
        List<RecheckExpert> commission = experts.findByRecheckIdOrderById(v.id());
        if (commission.isEmpty()) {
            throw RuleViolationException.field("expertId", "Сначала добавьте экспертов комиссии");
        }
        Map<Long, Integer> schoolTurn = new LinkedHashMap<>();
        int changed = 0;
        for (RecheckWork w : works.findByRecheckIdOrderByCode(v.id())) {
            int turn = schoolTurn.computeIfAbsent(w.getSchoolId(), k -> schoolTurn.size());
            Long expert = commission.get(turn % commission.size()).getId();
            if (!expert.equals(w.getExpertId())) {
                w.setExpertId(expert);
                changed++;
            }
        }
        works.flush();
        return changed;
    }

    // ------------------------------------------------------------------------------------------------ marks

    /** One work's expert, scores and marks, checked against the version the page showed. */
    public WorkRow saveWork(CurrentUser user, long id, long workId, Marks marks) {
        View v = kept(user, id);
        RecheckWork work = works.findById(workId).filter(w -> w.getRecheckId() == v.id())
                .orElseThrow(() -> NotFoundException.of("Работа перепроверки", workId));
        List<ImportError> errors = new ArrayList<>();
        Set<Long> commission = expertIds(v.id());
        check(marks, commission, null, errors);
        if (!errors.isEmpty()) {
            throw RuleViolationException.field(errors.getFirst().column(), errors.getFirst().message());
        }
        ConcurrentEditException.check(ConcurrentEditException.required(marks.version()), work.getVersion());
        apply(user, work, marks);
        works.flush();
        return work(user, id, workId);
    }

    /**
     * Many works at once (an uploaded protocol, the API): each by its code, all or nothing; every error with its row
     * (the position in the list, or the sheet row given) and field. A version, when given, must be the stored one.
     */
    public int saveWorks(CurrentUser user, long id, List<Marks> rows, @Nullable List<Integer> rowNumbers) {
        View v = kept(user, id);
        Map<String, RecheckWork> byCode = new HashMap<>();
        for (RecheckWork w : works.findByRecheckIdOrderByCode(v.id())) {
            byCode.put(w.getCode(), w);
        }
        Set<Long> commission = expertIds(v.id());
        List<ImportError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean stale = false;
        for (int i = 0; i < rows.size(); i++) {
            Marks m = rows.get(i);
            Integer row = rowNumbers != null ? rowNumbers.get(i) : Integer.valueOf(i + 1);
            String code = m.code() == null ? "" : m.code().strip();
            if (code.isEmpty()) {
                errors.add(new ImportError(row, RecheckWorkbook.CODE, "Не указан код работы"));
                continue;
            }
            RecheckWork w = byCode.get(code);
            if (w == null) {
                errors.add(new ImportError(row, RecheckWorkbook.CODE, "Работы с кодом «" + code + "» нет в этой перепроверке"));
                continue;
            }
            Integer first = seen.putIfAbsent(code, row);
            if (first != null) {
                errors.add(new ImportError(row, RecheckWorkbook.CODE, "Код «" + code + "» уже был в строке " + first));
                continue;
            }
            check(m, commission, row, errors);
            if (m.version() != null && !m.version().equals(w.getVersion())) {
                stale = true;
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        if (stale) {
            throw new ConcurrentEditException();
        }
        for (Marks m : rows) {
            apply(user, byCode.get(m.code().strip()), m);
        }
        works.flush();
        return rows.size();
    }

    private void apply(CurrentUser user, RecheckWork work, Marks m) {
        work.setExpertId(m.expertId());
        work.mark(m.schoolScore(), m.schoolMark(), m.expertScore(), m.expertMark(), clock.instant(), user.getUsername());
    }

    private static void check(Marks m, Set<Long> commission, @Nullable Integer row, List<ImportError> errors) {
        if (m.expertId() != null && !commission.contains(m.expertId())) {
            errors.add(new ImportError(row, row == null ? "expertId" : RecheckWorkbook.EXPERT, "Такого эксперта нет в комиссии этой перепроверки"));
        }
        score(m.schoolScore(), row, row == null ? "schoolScore" : RecheckWorkbook.SCHOOL_SCORE, errors);
        mark(m.schoolMark(), row, row == null ? "schoolMark" : RecheckWorkbook.SCHOOL_MARK, errors);
        score(m.expertScore(), row, row == null ? "expertScore" : RecheckWorkbook.EXPERT_SCORE, errors);
        mark(m.expertMark(), row, row == null ? "expertMark" : RecheckWorkbook.EXPERT_MARK, errors);
    }

    private static void score(@Nullable BigDecimal score, @Nullable Integer row, String column, List<ImportError> errors) {
        if (score != null && (score.signum() < 0 || score.compareTo(MAX_SCORE) > 0 || score.scale() > 2 && score.stripTrailingZeros().scale() > 2)) {
            errors.add(new ImportError(row, column, "Балл — число от 0 до 999,99 (не больше двух знаков после запятой), а не «"
                    + score.toPlainString() + "»"));
        }
    }

    private static void mark(@Nullable Integer mark, @Nullable Integer row, String column, List<ImportError> errors) {
        if (mark != null && (mark < 2 || mark > 5)) {
            errors.add(new ImportError(row, column, "Отметка — от 2 до 5, а не «" + mark + "»"));
        }
    }

    private Set<Long> expertIds(long recheckId) {
        Set<Long> ids = new HashSet<>();
        experts.findByRecheckIdOrderById(recheckId).forEach(e -> ids.add(e.getId()));
        return ids;
    }

    /** An uploaded protocol: the works by their codes, the experts by their names; all or nothing. */
    public int upload(CurrentUser user, long id, java.io.InputStream in) {
        View v = kept(user, id);
        Map<String, Long> byName = new HashMap<>();
        experts.findByRecheckIdOrderById(v.id()).forEach(e -> byName.putIfAbsent(RecheckWorkbook.normal(e.getName()), e.getId()));
        RecheckWorkbook.Read read = RecheckWorkbook.read(in, byName);
        return saveWorks(user, id, read.marks(), read.rows());
    }

    // ------------------------------------------------------------------------------------------------ SQL

    private View fullView(CurrentUser user, long id) {
        View v = view(user, id);
        if (!seesWorks(user)) {
            throw RuleViolationException.forbidden("Работы перепроверки видят сотрудники региона");
        }
        return v;
    }

    private View kept(CurrentUser user, long id) {
        View v = view(user, id);
        requireKeeper(user);
        return v;
    }

    /**
     * Which re-checks a scope sees: the region's (all, for a deployment administrator); a municipality's or a
     * director's only those with a work of their schools.
     */
    static String visible(Scope scope, List<Object> args) {
        return switch (scope.level()) {
            case ALL, REGION -> scope.toSql("r.region_id", "null", "null", args);
            case MUNICIPALITY, ORG_UNIT -> "r.region_id = " + scope.regionId() + " and exists (select 1 from recheck_work sw where sw.recheck_id = r.id and "
                    + scope.toSql("r.region_id", "sw.municipality_id", "sw.school_id", args) + ")";
        };
    }

    private static final String SELECT = """
            select r.id, r.region_id, r.procedure_id, r.year, r.subject, r.grade, r.sample_rule, r.schools_wanted,
                   r.works_per_school, r.seed, r.status, r.created_at, r.created_by, r.version,
                   count(distinct w.school_id), count(w.id)
            from recheck r left join recheck_work w on w.recheck_id = r.id""";
    private static final String GROUP = " group by r.id";

    private static View view(ResultSet rs, int i) throws SQLException {
        return new View(rs.getLong(1), rs.getLong(2), rs.getLong(3), "", rs.getInt(4), Subject.valueOf(rs.getString(5)),
                rs.getInt(6), SampleRule.valueOf(rs.getString(7)), rs.getInt(8), rs.getInt(9), rs.getLong(10),
                RecheckStatus.valueOf(rs.getString(11)), rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getLong(14),
                rs.getLong(15), rs.getLong(16));
    }

    private static final String WORKS = """
            select w.id, w.school_id, s.name, coalesce(m.short_name, m.name), w.code, w.reason, w.school_score, w.school_mark,
                   w.expert_id, e.name, w.expert_score, w.expert_mark, w.checked_at, w.checked_by, w.version
            from recheck_work w
            join directory_org_unit s on s.id = w.school_id
            left join directory_org_unit m on m.id = w.municipality_id
            left join recheck_expert e on e.id = w.expert_id""";

    private static WorkRow work(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(13);
        return new WorkRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getObject(8, Integer.class), rs.getObject(9, Long.class), rs.getString(10),
                rs.getBigDecimal(11), rs.getObject(12, Integer.class), at == null ? null : at.toInstant(), rs.getString(14),
                rs.getLong(15));
    }
}
