package ru.rsoko.support.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.Share;
import ru.rsoko.platform.web.TextLimits;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.support.MeasureStatus;
import ru.rsoko.support.ProgrammeStatus;
import ru.rsoko.support.RiskFactor;
import ru.rsoko.support.RiskLevel;
import ru.rsoko.support.SupportProgrammes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The support programmes of ШНОР schools. Regional staff and the school's municipal officer keep a programme, its risk
 * profile and its measures; the school's director reads it and reports on the measures; an administrator reads within
 * the region. Anything outside the user's scope is 404. A measure is overdue when neither done nor cancelled and its
 * due date is before today in the region's time zone (the rule of execution's «просрочено»).
 */
@Service
@Transactional
public class SupportProgrammeService implements SupportProgrammes {

    public static final int MAX_TITLE = 1000;
    public static final int MAX_MEASURE = 2000;
    public static final int MAX_RESPONSIBLE = 500;
    public static final int MAX_NOTE = 2000;
    /** Years of ВПР results shown around a programme's year: two before, two after. */
    public static final int RESULT_YEARS = 2;

    // ------------------------------------------------------------------------------------------------ records

    public record Counts(int total, int done, int overdue) {
        public Share doneShare() {
            return Share.of(done, total, "мер программы");
        }
    }

    public record RiskView(long id, RiskFactor factor, RiskLevel levelBefore, @Nullable RiskLevel levelAfter,
                           @Nullable String note, long version) {
        /** «высокий → средний», or only the level before when not assessed again. */
        public String change() {
            return levelBefore.label() + (levelAfter == null ? "" : " → " + levelAfter.label());
        }

        public boolean improved() {
            return levelAfter != null && levelAfter.lowerThan(levelBefore);
        }
    }

    public record MeasureView(long id, int position, @Nullable RiskFactor riskFactor, String text, String responsible,
                              LocalDate dueOn, MeasureStatus status, @Nullable LocalDate doneOn, @Nullable String report,
                              @Nullable Instant reportedAt, @Nullable String reportedBy, long version, boolean overdue) {
    }

    public record ProgrammeView(long id, long regionId, @Nullable Long municipalityId, long schoolId, String schoolName,
                                @Nullable String municipalityName, int year, String title, @Nullable String goal,
                                ProgrammeStatus status, @Nullable LocalDate approvedOn, @Nullable LocalDate closedOn,
                                @Nullable String conclusion, long version, List<RiskView> risks,
                                List<MeasureView> measures, LocalDate today, Counts counts) {
    }

    /** A programme as a keeper creates or changes it; risks and measures only when creating (the API's one call). */
    public record ProgrammeForm(@Nullable Integer year, @Nullable String title, @Nullable String goal,
                                @Nullable ProgrammeStatus status, @Nullable LocalDate approvedOn,
                                @Nullable LocalDate closedOn, @Nullable String conclusion,
                                @Nullable List<RiskForm> risks, @Nullable List<MeasureForm> measures,
                                @Nullable Long version) {
    }

    public record RiskForm(@Nullable RiskFactor factor, @Nullable RiskLevel levelBefore, @Nullable RiskLevel levelAfter,
                           @Nullable String note) {
    }

    public record MeasureForm(@Nullable String text, @Nullable RiskFactor riskFactor, @Nullable String responsible,
                              @Nullable LocalDate dueOn, @Nullable Long version) {
    }

    public record ReportForm(@Nullable MeasureStatus status, @Nullable LocalDate doneOn, @Nullable String report,
                             @Nullable Long version) {
    }

    /** One ШНОР school of a year in the regional report: its programme (if any) and its ВПР results year over year. */
    public record ReportRow(long schoolId, String schoolName, @Nullable String municipalityName,
                            @Nullable ProgrammeView programme, List<ProcedureResults.SubjectYear> results) {

        public List<YearFigures> byYear() {
            return SupportProgrammeService.byYear(results);
        }

        public @Nullable YearFigures ofYear(int year) {
            return SupportProgrammeService.ofYear(byYear(), year);
        }
    }

    public record Report(int year, List<ReportRow> rows, List<Integer> years) {

        /** The years of results the report shows: two before the list's year to two after. */
        public List<Integer> resultYears() {
            return java.util.stream.IntStream.rangeClosed(year - RESULT_YEARS, year + RESULT_YEARS).boxed().toList();
        }
    }

    /** A school's ВПР marks of a year summed over subjects and grades, with the region's beside. */
    public record YearFigures(int year, ProcedureResults.Marks school, ProcedureResults.Marks region) {
    }

    /** Sums a school's results per year over the subjects, oldest first. */
    public static List<YearFigures> byYear(List<ProcedureResults.SubjectYear> results) {
        Map<Integer, ProcedureResults.Marks[]> sums = new java.util.TreeMap<>();
        for (ProcedureResults.SubjectYear r : results) {
            ProcedureResults.Marks[] s = sums.computeIfAbsent(r.year(),
                    y -> new ProcedureResults.Marks[]{ProcedureResults.Marks.NONE, ProcedureResults.Marks.NONE});
            s[0] = s[0].plus(r.school());
            s[1] = s[1].plus(r.region());
        }
        List<YearFigures> figures = new ArrayList<>();
        sums.forEach((year, s) -> figures.add(new YearFigures(year, s[0], s[1])));
        return figures;
    }

    /** The figures of one year, or null when the school has no results that year. */
    public static @Nullable YearFigures ofYear(List<YearFigures> figures, int year) {
        return figures.stream().filter(f -> f.year() == year).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------------------------------------ wiring

    private final SupportProgrammeRepository programmes;
    private final SupportRiskRepository risks;
    private final SupportMeasureRepository measures;
    private final DirectoryService directory;
    private final SchoolLists lists;
    private final ProcedureResults results;
    private final AuditHistory auditHistory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SupportProgrammeService(SupportProgrammeRepository programmes, SupportRiskRepository risks,
                            SupportMeasureRepository measures, DirectoryService directory, SchoolLists lists,
                            ProcedureResults results, AuditHistory auditHistory,
                            JdbcTemplate jdbc, Clock clock) {
        this.programmes = programmes;
        this.risks = risks;
        this.measures = measures;
        this.directory = directory;
        this.lists = lists;
        this.results = results;
        this.auditHistory = auditHistory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** Regional staff and municipal officers keep programmes (of the schools in their scope). */
    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Программы поддержки ведут сотрудники региона и муниципалитета школы");
        }
    }

    /** The school's director reports on its measures. */
    public static boolean reports(CurrentUser user) {
        return user.is(Role.SCHOOL);
    }

    /** Today in the region's time zone: a measure due today is not yet overdue. */
    public LocalDate today(long regionId) {
        OrgUnit region = directory.region(regionId);
        return region.zone() == null ? LocalDate.now(clock) : LocalDate.now(clock.withZone(region.zone()));
    }

    public static boolean overdue(MeasureStatus status, LocalDate dueOn, LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public ProgrammeView programme(CurrentUser user, long id) {
        return view(seen(user, id));
    }

    /** The school's programmes, newest year first; a school outside the scope is 404. */
    @Transactional(readOnly = true)
    public List<ProgrammeView> ofSchool(CurrentUser user, long schoolId) {
        OrgUnit school = school(user, schoolId);
        List<Long> ids = jdbc.queryForList("select id from support_programme where school_id = ? order by year desc",
                Long.class, school.id());
        List<ProgrammeView> views = new ArrayList<>();
        for (Long id : ids) {
            views.add(view(programmes.findById(id).orElseThrow()));
        }
        return views;
    }

    /** The school's ВПР results around the programme's year, with the region's beside. */
    @Transactional(readOnly = true)
    public List<ProcedureResults.SubjectYear> effect(CurrentUser user, long id) {
        SupportProgramme p = seen(user, id);
        return results.ofSchool(p.getSchoolId(), ProcedureResults.VPR, p.getYear() - RESULT_YEARS, p.getYear() + RESULT_YEARS);
    }

    /** All ШНОР schools of the year in the user's scope with their programmes and results. */
    @Transactional(readOnly = true)
    public Report report(CurrentUser user, int year) {
        List<Long> schoolIds = lists.of(user.scope(), year, year).stream()
                .filter(l -> l.kind() == ListKind.LOW_RESULTS).map(SchoolLists.Listing::schoolId).distinct().toList();
        Map<Long, OrgUnit> schools = directory.byIds(schoolIds);
        Set<Long> municipalityIds = new HashSet<>();
        schools.values().forEach(s -> {
            if (s.municipalityId() != null) {
                municipalityIds.add(s.municipalityId());
            }
        });
        Map<Long, OrgUnit> municipalities = directory.byIds(municipalityIds);
        Map<Long, SupportProgramme> bySchool = new HashMap<>();
        Map<Long, List<SupportRisk>> risksOf = new HashMap<>();
        Map<Long, List<SupportMeasure>> measuresOf = new HashMap<>();
        if (!schoolIds.isEmpty()) {
            List<Long> ids = jdbc.queryForList("select id from support_programme where year = ? and school_id = any(?)",
                    Long.class, year, schoolIds.toArray(Long[]::new));
            programmes.findAllById(ids).forEach(p -> bySchool.put(p.getSchoolId(), p));
            if (!ids.isEmpty()) {
                risks.findByProgrammeIdIn(ids).forEach(r -> risksOf.computeIfAbsent(r.getProgrammeId(), k -> new ArrayList<>()).add(r));
                measures.findByProgrammeIdIn(ids).forEach(m -> measuresOf.computeIfAbsent(m.getProgrammeId(), k -> new ArrayList<>()).add(m));
            }
        }
        Map<Long, OrgUnit> units = new HashMap<>(schools);
        units.putAll(municipalities);
        Map<Long, LocalDate> todays = new HashMap<>();
        Map<Long, List<ProcedureResults.SubjectYear>> resultsOf =
                results.ofSchools(schoolIds, ProcedureResults.VPR, year - RESULT_YEARS, year + RESULT_YEARS);
        List<ReportRow> rows = new ArrayList<>();
        for (long schoolId : schoolIds) {
            OrgUnit school = schools.get(schoolId);
            if (school == null) {
                continue;
            }
            OrgUnit municipality = school.municipalityId() == null ? null : municipalities.get(school.municipalityId());
            SupportProgramme p = bySchool.get(schoolId);
            rows.add(new ReportRow(schoolId, school.displayName(), municipality == null ? null : municipality.displayName(),
                    p == null ? null : view(p, risksOf.getOrDefault(p.getId(), List.of()),
                            measuresOf.getOrDefault(p.getId(), List.of()), units,
                            todays.computeIfAbsent(p.getRegionId(), this::today)),
                    resultsOf.getOrDefault(schoolId, List.of())));
        }
        rows.sort(Comparator.comparing((ReportRow r) -> r.municipalityName() == null ? "" : r.municipalityName())
                .thenComparing(ReportRow::schoolName));
        return new Report(year, rows, years(user));
    }

    /** The years a report may be asked for: those with a ШНОР list in the scope, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> years(CurrentUser user) {
        int now = LocalDate.now(clock.withZone(user.zone() != null ? user.zone() : java.time.ZoneId.of("Europe/Moscow"))).getYear();
        return lists.of(user.scope(), 2000, now + 1).stream().filter(l -> l.kind() == ListKind.LOW_RESULTS)
                .map(SchoolLists.Listing::year).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The default year of the report: the latest year with a ШНОР list in the scope, else this year. */
    @Transactional(readOnly = true)
    public int defaultYear(CurrentUser user) {
        List<Integer> years = years(user);
        return years.isEmpty() ? LocalDate.now(clock).getYear() : years.getFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeasureDue> owingDue(long regionId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select m.id, m.programme_id, m.region_id, p.municipality_id, m.school_id, p.year, m.text,
                               m.responsible, m.due_on, m.status
                        from support_measure m join support_programme p on p.id = m.programme_id
                        where m.region_id = ? and m.due_on between ? and ? and m.status in ('PLANNED', 'IN_PROGRESS')
                          and p.status <> 'CLOSED'
                        order by m.due_on, m.school_id, m.position, m.id""",
                (rs, i) -> new MeasureDue(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getLong(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                        MeasureStatus.valueOf(rs.getString(10))),
                regionId, from, to);
    }

    // ------------------------------------------------------------------------------------------------ changing

    public ProgrammeView create(CurrentUser user, long schoolId, ProgrammeForm form) {
        OrgUnit school = school(user, schoolId);
        requireKeeper(user);
        int year = year(form.year());
        boolean listed = lists.of(Scope.orgUnit(school.regionId(), school.municipalityId(), school.id()), year, year)
                .stream().anyMatch(l -> l.kind() == ListKind.LOW_RESULTS && l.schoolId() == school.id());
        if (!listed) {
            throw RuleViolationException.field("year", "Школы «" + school.displayName() + "» нет в списке ШНОР "
                    + year + " года: программа поддержки составляется для школ из этого списка");
        }
        if (programmes.findBySchoolIdAndYear(school.id(), year).isPresent()) {
            throw RuleViolationException.field("year", "У школы уже есть программа поддержки " + year + " года");
        }
        SupportProgramme p = new SupportProgramme(school.regionId(), school.municipalityId(), school.id(), year,
                title(form.title()), text(form.goal(), "Цель", TextLimits.TEXT), clock.instant(), user.getUsername());
        ProgrammeStatus status = form.status() == null ? ProgrammeStatus.DRAFT : form.status();
        applyStatus(p, status, form.approvedOn(), form.closedOn(), form.conclusion());
        programmes.saveAndFlush(p);
        Set<RiskFactor> seen = new HashSet<>();
        if (form.risks() != null) {
            for (RiskForm r : form.risks()) {
                RiskFactor factor = factor(r.factor());
                if (!seen.add(factor)) {
                    throw RuleViolationException.field("risks", "Фактор риска «" + factor.label() + "» указан дважды");
                }
                risks.save(new SupportRisk(p.getId(), factor, levelBefore(r.levelBefore()), r.levelAfter(),
                        text(r.note(), "Примечание", MAX_NOTE)));
            }
        }
        if (form.measures() != null) {
            int position = 0;
            for (MeasureForm m : form.measures()) {
                position++;
                measures.save(newMeasure(p, position, m));
            }
        }
        risks.flush();
        measures.flush();
        return view(p);
    }

    /** Changes the programme's title, goal, status, dates and conclusion; risks and measures have their own calls. */
    public ProgrammeView update(CurrentUser user, long id, ProgrammeForm form) {
        SupportProgramme p = seen(user, id);
        requireKeeper(user);
        ConcurrentEditException.check(ConcurrentEditException.required(form.version()), p.getVersion());
        p.setTitle(title(form.title()));
        p.setGoal(text(form.goal(), "Цель", TextLimits.TEXT));
        applyStatus(p, form.status() == null ? p.getStatus() : form.status(), form.approvedOn(), form.closedOn(),
                form.conclusion());
        p.touch(clock.instant(), user.getUsername());
        programmes.flush();
        if (form.risks() != null) {
            for (RiskForm r : form.risks()) {
                setRisk(p, r, null);
            }
            risks.flush();
        }
        return view(p);
    }

    /** Adds a factor to the risk profile or changes its levels (the version of the factor when changing it). */
    public ProgrammeView risk(CurrentUser user, long programmeId, RiskForm form, @Nullable Long version) {
        SupportProgramme p = seen(user, programmeId);
        requireKeeper(user);
        setRisk(p, form, version);
        risks.flush();
        return view(p);
    }

    public MeasureView addMeasure(CurrentUser user, long programmeId, MeasureForm form) {
        SupportProgramme p = seen(user, programmeId);
        requireKeeper(user);
        Integer last = jdbc.queryForObject("select max(position) from support_measure where programme_id = ?",
                Integer.class, p.getId());
        SupportMeasure m = measures.saveAndFlush(newMeasure(p, last == null ? 1 : last + 1, form));
        return measureView(m, today(p.getRegionId()));
    }

    public MeasureView updateMeasure(CurrentUser user, long measureId, MeasureForm form) {
        SupportMeasure m = measureSeen(user, measureId);
        requireKeeper(user);
        ConcurrentEditException.check(ConcurrentEditException.required(form.version()), m.getVersion());
        m.setText(measureText(form.text()));
        m.setRiskFactor(form.riskFactor());
        m.setResponsible(responsible(form.responsible()));
        m.setDueOn(dueOn(form.dueOn()));
        measures.flush();
        return measureView(m, today(m.getRegionId()));
    }

    /** The director's report on a measure: its status, the day it was done, what was done. */
    public MeasureView report(CurrentUser user, long measureId, ReportForm form) {
        SupportMeasure m = measureSeen(user, measureId);
        if (!reports(user)) {
            throw RuleViolationException.forbidden("О выполнении мер отчитывается руководитель школы");
        }
        ConcurrentEditException.check(ConcurrentEditException.required(form.version()), m.getVersion());
        if (form.status() == null) {
            throw RuleViolationException.field("status", "Выберите состояние меры");
        }
        LocalDate today = today(m.getRegionId());
        String report = text(form.report(), "Отчёт", TextLimits.TEXT);
        LocalDate doneOn = form.doneOn();
        if (form.status() == MeasureStatus.DONE) {
            if (doneOn == null) {
                throw RuleViolationException.field("doneOn", "Укажите дату выполнения");
            }
            if (doneOn.isAfter(today)) {
                throw RuleViolationException.field("doneOn", "Дата выполнения не может быть позже сегодняшней ("
                        + Formats.DATE.format(today) + ")");
            }
            if (report == null) {
                throw RuleViolationException.field("report", "Опишите, что сделано: отчёт о выполнении обязателен");
            }
        } else {
            doneOn = null;
        }
        if (form.status() == MeasureStatus.CANCELLED && report == null) {
            throw RuleViolationException.field("report", "Укажите причину отмены меры");
        }
        m.reported(form.status(), doneOn, report, clock.instant(), user.getUsername());
        measures.flush();
        return measureView(m, today);
    }

    // ------------------------------------------------------------------------------------------------ history

    /** The programme's history with its risk factors' and measures' changes, newest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id) {
        SupportProgramme p = seen(user, id);
        List<HistoryEntry> all = new ArrayList<>(auditHistory.of(SupportProgramme.class, p.getId(), PROGRAMME_HISTORY));
        for (SupportRisk r : risks.findByProgrammeIdOrderById(p.getId())) {
            all.addAll(auditHistory.of(SupportRisk.class, r.getId(), riskHistory(r.getFactor())));
        }
        for (SupportMeasure m : measures.findByProgrammeIdOrderByPositionAscIdAsc(p.getId())) {
            all.addAll(auditHistory.of(SupportMeasure.class, m.getId(), measureHistory(m.getPosition())));
        }
        all.sort(Comparator.comparing(HistoryEntry::at).thenComparing(HistoryEntry::revision).reversed());
        return all;
    }

    private static final HistoryFields<SupportProgramme> PROGRAMME_HISTORY = HistoryFields.of(SupportProgramme.class)
            .field("Название", SupportProgramme::getTitle)
            .field("Цель", SupportProgramme::getGoal)
            .field("Статус", p -> p.getStatus() == null ? null : p.getStatus().label())
            .field("Утверждена", p -> p.getApprovedOn() == null ? null : Formats.DATE.format(p.getApprovedOn()))
            .field("Завершена", p -> p.getClosedOn() == null ? null : Formats.DATE.format(p.getClosedOn()))
            .field("Заключение", SupportProgramme::getConclusion);

    private static HistoryFields<SupportRisk> riskHistory(RiskFactor factor) {
        String f = "Риск «" + factor.label() + "»: ";
        return HistoryFields.of(SupportRisk.class)
                .field(f + "уровень до", r -> r.getLevelBefore() == null ? null : r.getLevelBefore().label())
                .field(f + "уровень после", r -> r.getLevelAfter() == null ? null : r.getLevelAfter().label())
                .field(f + "примечание", SupportRisk::getNote);
    }

    private static HistoryFields<SupportMeasure> measureHistory(int position) {
        String f = "Мера " + position + ": ";
        return HistoryFields.of(SupportMeasure.class)
                .field(f + "содержание", SupportMeasure::getText)
                .field(f + "фактор риска", m -> m.getRiskFactor() == null ? null : m.getRiskFactor().label())
                .field(f + "ответственные", SupportMeasure::getResponsible)
                .field(f + "срок", m -> m.getDueOn() == null ? null : Formats.DATE.format(m.getDueOn()))
                .field(f + "состояние", m -> m.getStatus() == null ? null : m.getStatus().label())
                .field(f + "выполнено", m -> m.getDoneOn() == null ? null : Formats.DATE.format(m.getDoneOn()))
                .field(f + "отчёт", SupportMeasure::getReport);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private SupportProgramme seen(CurrentUser user, long id) {
        SupportProgramme p = programmes.findById(id).orElseThrow(() -> NotFoundException.of("Программа поддержки", id));
        if (!user.scope().covers(p.getRegionId(), p.getMunicipalityId(), p.getSchoolId())) {
            throw NotFoundException.of("Программа поддержки", id);
        }
        return p;
    }

    private SupportMeasure measureSeen(CurrentUser user, long id) {
        SupportMeasure m = measures.findById(id).orElseThrow(() -> NotFoundException.of("Мера программы", id));
        SupportProgramme p = programmes.findById(m.getProgrammeId()).orElseThrow();
        if (!user.scope().covers(p.getRegionId(), p.getMunicipalityId(), p.getSchoolId())) {
            throw NotFoundException.of("Мера программы", id);
        }
        return m;
    }

    private OrgUnit school(CurrentUser user, long schoolId) {
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (school.type() != OrgUnitType.SCHOOL) {
            throw NotFoundException.of("Школа", schoolId);
        }
        return school;
    }

    private void setRisk(SupportProgramme p, RiskForm form, @Nullable Long version) {
        RiskFactor factor = factor(form.factor());
        SupportRisk existing = risks.findByProgrammeIdOrderById(p.getId()).stream()
                .filter(r -> r.getFactor() == factor).findFirst().orElse(null);
        if (existing == null) {
            risks.save(new SupportRisk(p.getId(), factor, levelBefore(form.levelBefore()), form.levelAfter(),
                    text(form.note(), "Примечание", MAX_NOTE)));
            return;
        }
        if (version != null) {
            ConcurrentEditException.check(version, existing.getVersion());
        }
        existing.setLevelBefore(levelBefore(form.levelBefore()));
        existing.setLevelAfter(form.levelAfter());
        existing.setNote(text(form.note(), "Примечание", MAX_NOTE));
    }

    private SupportMeasure newMeasure(SupportProgramme p, int position, MeasureForm m) {
        return new SupportMeasure(p.getId(), p.getRegionId(), p.getSchoolId(), position, m.riskFactor(),
                measureText(m.text()), responsible(m.responsible()), dueOn(m.dueOn()));
    }

    private static void applyStatus(SupportProgramme p, ProgrammeStatus status, @Nullable LocalDate approvedOn,
                                    @Nullable LocalDate closedOn, @Nullable String conclusion) {
        if (!p.getStatus().mayBecome(status)) {
            throw RuleViolationException.field("status", "Программа в статусе «" + p.getStatus().label()
                    + "» не может перейти в статус «" + status.label() + "»");
        }
        if (status != ProgrammeStatus.DRAFT && approvedOn == null) {
            throw RuleViolationException.field("approvedOn", "Укажите дату утверждения программы");
        }
        String c = text(conclusion, "Заключение", TextLimits.TEXT);
        if (status == ProgrammeStatus.CLOSED) {
            if (closedOn == null) {
                throw RuleViolationException.field("closedOn", "Укажите дату завершения программы");
            }
            if (c == null) {
                throw RuleViolationException.field("conclusion", "Завершённой программе нужно заключение о её результатах");
            }
            if (approvedOn != null && closedOn.isBefore(approvedOn)) {
                throw RuleViolationException.field("closedOn", "Программа не может завершиться раньше, чем утверждена");
            }
        }
        p.setStatus(status);
        p.setApprovedOn(approvedOn);
        p.setClosedOn(status == ProgrammeStatus.CLOSED ? closedOn : null);
        p.setConclusion(c);
    }

    private ProgrammeView view(SupportProgramme p) {
        Map<Long, OrgUnit> units = directory.byIds(p.getMunicipalityId() == null ? List.of(p.getSchoolId())
                : List.of(p.getSchoolId(), p.getMunicipalityId()));
        return view(p, risks.findByProgrammeIdOrderById(p.getId()),
                measures.findByProgrammeIdOrderByPositionAscIdAsc(p.getId()), units, today(p.getRegionId()));
    }

    private ProgrammeView view(SupportProgramme p, List<SupportRisk> riskRows, List<SupportMeasure> measureRows,
                               Map<Long, OrgUnit> units, LocalDate today) {
        List<RiskView> riskViews = riskRows.stream()
                .sorted(Comparator.comparing(SupportRisk::getFactor))
                .map(r -> new RiskView(r.getId(), r.getFactor(), r.getLevelBefore(), r.getLevelAfter(), r.getNote(),
                        r.getVersion()))
                .toList();
        List<MeasureView> measureViews = measureRows.stream()
                .sorted(Comparator.comparingInt(SupportMeasure::getPosition).thenComparing(SupportMeasure::getId))
                .map(m -> measureView(m, today)).toList();
        int done = (int) measureViews.stream().filter(m -> m.status() == MeasureStatus.DONE).count();
        int overdue = (int) measureViews.stream().filter(MeasureView::overdue).count();
        OrgUnit school = units.get(p.getSchoolId());
        OrgUnit municipality = p.getMunicipalityId() == null ? null : units.get(p.getMunicipalityId());
        return new ProgrammeView(p.getId(), p.getRegionId(), p.getMunicipalityId(), p.getSchoolId(),
                school == null ? "ОО " + p.getSchoolId() : school.displayName(),
                municipality == null ? null : municipality.displayName(), p.getYear(), p.getTitle(), p.getGoal(),
                p.getStatus(), p.getApprovedOn(), p.getClosedOn(), p.getConclusion(), p.getVersion(), riskViews,
                measureViews, today, new Counts(measureViews.size(), done, overdue));
    }

    private static MeasureView measureView(SupportMeasure m, LocalDate today) {
        return new MeasureView(m.getId(), m.getPosition(), m.getRiskFactor(), m.getText(), m.getResponsible(),
                m.getDueOn(), m.getStatus(), m.getDoneOn(), m.getReport(), m.getReportedAt(), m.getReportedBy(),
                m.getVersion(), overdue(m.getStatus(), m.getDueOn(), today));
    }

    private static int year(@Nullable Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Укажите год программы (год списка ШНОР, например 2021)");
        }
        return year;
    }

    private static String title(@Nullable String title) {
        String t = text(title, "Название", MAX_TITLE);
        if (t == null) {
            throw RuleViolationException.field("title", "Укажите название программы");
        }
        return t;
    }

    private static String measureText(@Nullable String text) {
        String t = text(text, "Содержание меры", MAX_MEASURE);
        if (t == null) {
            throw RuleViolationException.field("text", "Опишите меру");
        }
        return t;
    }

    private static String responsible(@Nullable String text) {
        String t = text(text, "Ответственные", MAX_RESPONSIBLE);
        if (t == null) {
            throw RuleViolationException.field("responsible", "Укажите ответственных за меру");
        }
        return t;
    }

    private static LocalDate dueOn(@Nullable LocalDate dueOn) {
        if (dueOn == null) {
            throw RuleViolationException.field("dueOn", "Укажите срок выполнения меры");
        }
        return dueOn;
    }

    private static RiskFactor factor(@Nullable RiskFactor factor) {
        if (factor == null) {
            throw RuleViolationException.field("factor", "Выберите фактор риска");
        }
        return factor;
    }

    private static RiskLevel levelBefore(@Nullable RiskLevel level) {
        if (level == null) {
            throw RuleViolationException.field("levelBefore", "Укажите уровень риска на начало программы");
        }
        return level;
    }

    private static @Nullable String text(@Nullable String text, String label, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw RuleViolationException.field(fieldOf(label), TextLimits.message(max, label, t.length()));
        }
        return t.isEmpty() ? null : t;
    }

    private static String fieldOf(String label) {
        return switch (label) {
            case "Название" -> "title";
            case "Цель" -> "goal";
            case "Заключение" -> "conclusion";
            case "Отчёт" -> "report";
            case "Содержание меры" -> "text";
            case "Ответственные" -> "responsible";
            default -> "note";
        };
    }
}
