package ru.rsoko.dashboard.domain;

import ru.rsoko.platform.web.Plurals;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.dashboard.domain.RiskRules.Facts;
import ru.rsoko.dashboard.domain.RiskRules.ListFact;
import ru.rsoko.dashboard.domain.RiskRules.Risk;
import ru.rsoko.dashboard.domain.RiskRules.VsokoFact;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.meeting.ExecutionFigures.Counts;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.Share;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboards and a school's profile. Every figure is asked of the module that keeps its records, through the
 * same methods its own pages use, so that a figure reads the same everywhere:
 * <ul>
 *     <li>ВСОКО levels: the results of the year's campaign (the region's latest published one, else the latest),
 *     preliminary for regional staff, only once published for others;</li>
 *     <li>decisions: the execution records as of today, counted as the list of records counts them;</li>
 *     <li>coverage: the year's approved plan procedures with a coverage target, by the one rule of
 *     {@link Coverage};</li>
 *     <li>lists: the year's ШНОР and non-objectivity lists;</li>
 *     <li>risk: {@link RiskRules} over those records with the region's {@link Settings}.</li>
 * </ul>
 * A dashboard costs a fixed number of queries whatever the number of schools: one per module and figure, plus a few
 * per year of the trends.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** How many years back the trends reach at most. */
    static final int TREND_YEARS = 8;

    private final DirectoryService directory;
    private final ExecutionService executions;
    private final VsokoResults vsoko;
    private final PlanAccess plans;
    private final PlanExecutionService planExecution;
    private final ParticipationFigures participation;
    private final SchoolLists lists;
    private final SettingsService settings;
    private final ru.rsoko.results.ProcedureResults results;
    private final RecentCache<YearPoints> pastYears = new RecentCache<>(java.time.Duration.ofMinutes(10), 20_000);

    DashboardService(DirectoryService directory, ExecutionService executions, VsokoResults vsoko,
                     PlanAccess plans, PlanExecutionService planExecution,
                     ParticipationFigures participation, SchoolLists lists, SettingsService settings,
                     ru.rsoko.results.ProcedureResults results) {
        this.results = results;
        this.directory = directory;
        this.executions = executions;
        this.vsoko = vsoko;
        this.plans = plans;
        this.planExecution = planExecution;
        this.participation = participation;
        this.lists = lists;
        this.settings = settings;
    }

    // ------------------------------------------------------------------------------------------------ the shapes

    public record Area(long id, String name, OrgUnitType type) {
        static Area of(OrgUnit unit) {
            return new Area(unit.id(), unit.displayName(), unit.type());
        }
    }

    /** Schools of a row at each level of the year's campaign; {@code noResult}: taking part, nothing handed in. */
    public record VsokoCell(@Nullable Long campaignId, long formed, long partial, long notFormed, long noResult) {
        public long withResult() {
            return formed + partial + notFormed;
        }

        public long participants() {
            return withResult() + noResult;
        }

        public @Nullable BigDecimal formedShare() {
            return share(formed, withResult());
        }
    }

    /** Coverage of a row on the year's procedures with a target: sums of pupils and participants, schools behind. */
    public record CoverageCell(@Nullable Long procedureId, long pupils, long participants, @Nullable BigDecimal coverage,
                               long schools, long schoolsUnderTarget, long schoolsWithoutObservers, long schoolsWithoutData,
                               String missing) {
        /** «635 участников из 642 обучающихся; нет данных: 8 класс» — what the percentage is of, and what it lacks. */
        public String title() {
            return Plurals.of(participants, "участник", "участника", "участников") + " из "
                    + Plurals.of(pupils, "обучающегося", "обучающихся", "обучающихся") + (missing.isEmpty() ? "" : "; " + missing);
        }
    }

    public record ListCell(long lowResults, long nonObjective) {
    }

    public record RiskCell(long high, long medium, long low) {
        public long total() {
            return high + medium + low;
        }
    }

    public record Colours(Rag vsoko, Rag overdue, Rag coverage, Rag risk) {
    }

    /** One line of a dashboard: a municipality (regional view) or a school (municipal view), or the total. */
    public record Row(Area orgUnit, long schools, VsokoCell vsoko, Counts executions, CoverageCell coverage,
                      ListCell lists, RiskCell risk, Colours colours) {
        public @Nullable BigDecimal overdueShare() {
            return share(executions.overdue(), executions.total());
        }
    }

    /** A year's value of a figure, with what it is a share of («8 из 9 процедур, срок которых наступил»). */
    public record Point(int year, @Nullable BigDecimal value, String title) {
        static Point of(int year, @Nullable Share share) {
            return new Point(year, share == null ? null : share.percent(), share == null ? "нет данных" : share.title());
        }
    }

    /** A headline figure of the year with its trend over the years the data covers, and what it is a share of. */
    public record Figure(String key, String name, @Nullable BigDecimal value, String title, String denominator,
                         List<Point> trend) {
    }

    public record ProcedureRef(long id, long planId, String title, @Nullable BigDecimal target, boolean observersRequired) {
    }

    public record CampaignRef(long id, String name, int year, boolean preliminary) {
    }

    /**
     * A dashboard: the area it covers (region or municipality), its rows and total, headline figures (and, for a
     * municipality, the region's beside them), the year's campaign and coverage procedures.
     */
    public record Dashboard(Area scope, Area region, int year, List<Integer> years, LocalDate today,
                            boolean byMunicipality, List<Row> rows, Row total, List<Figure> figures,
                            List<Figure> regionFigures, @Nullable CampaignRef campaign, List<ProcedureRef> procedures,
                            Settings settings) {
    }

    /** A school of a dashboard's scope with its risk, for the list behind a risk cell. */
    public record SchoolRisk(long schoolId, String name, @Nullable Long municipalityId, @Nullable String municipalityName,
                             Risk risk) {
    }

    /** The schools at risk of a dashboard's area (region or municipality) in a year. */
    public record SchoolRisks(Area scope, int year, boolean byMunicipality, List<SchoolRisk> schools) {
    }

    // ------------------------------------------------------------------------------------------------ dashboards

    /**
     * The dashboard the user asks for: a regional one (rows are municipalities) for regional staff and a region's
     * administrator, a municipal one (rows are schools) for a municipal officer or when regional staff open one of
     * their municipalities. A deployment administrator names the region.
     */
    public Dashboard dashboard(CurrentUser user, @Nullable Long regionId, @Nullable Long municipalityId, @Nullable Integer year) {
        return dashboard(user, regionId, municipalityId, year, new Memo());
    }

    private Dashboard dashboard(CurrentUser user, @Nullable Long regionId, @Nullable Long municipalityId,
                                @Nullable Integer year, Memo memo) {
        Target target = target(user, regionId, municipalityId);
        LocalDate today = executions.today(target.region.id());
        int shownYear = checkedYear(year, today);
        Collected data = collect(user, target, shownYear, memo);
        Settings st = data.settings;

        Map<Long, RowBuilder> rows = new LinkedHashMap<>();
        if (target.byMunicipality()) {
            for (MunicipalitySummary m : directory.municipalitiesOf(target.scope, target.region.id())) {
                if (m.active()) {
                    rows.put(m.id(), new RowBuilder(new Area(m.id(), m.displayName(), OrgUnitType.MUNICIPALITY)));
                }
            }
        } else {
            for (OrgUnit school : data.schools) {
                rows.put(school.id(), new RowBuilder(Area.of(school)));
            }
        }
        RowBuilder total = new RowBuilder(Area.of(target.unit));
        Map<Long, Counts> byRow = target.byMunicipality()
                ? executions.countsByMunicipality(target.scope) : data.executionsBySchool;
        byRow.forEach((id, counts) -> {
            RowBuilder row = rows.get(id);
            if (row != null) {
                row.executions = row.executions.plus(counts);
            }
            total.executions = total.executions.plus(counts);
        });
        for (OrgUnit school : data.schools) {
            long key = target.byMunicipality() ? (school.municipalityId() == null ? 0 : school.municipalityId()) : school.id();
            for (RowBuilder row : builders(rows.get(key), total)) {
                row.schools++;
                row.risk(data.risks.get(school.id()).level());
                VsokoResults.SchoolLevel score = data.yearLevels.get(school.id());
                if (score != null) {
                    row.vsoko(score.level());
                }
                for (ListKind kind : data.yearLists.getOrDefault(school.id(), Set.of())) {
                    row.list(kind);
                }
                row.coverage.addAll(data.coverage.getOrDefault(school.id(), List.of()));
            }
        }
        ProcedureRef main = data.procedures.isEmpty() ? null : data.procedures.getFirst();
        Long campaignId = data.campaign == null ? null : data.campaign.id();
        List<Row> built = rows.values().stream().map(r -> r.build(campaignId, main, st)).toList();

        List<Figure> figures = figures(user, target.scope, target.region.id(), shownYear, data, memo, false);
        List<Figure> regionFigures = target.byMunicipality() ? List.of()
                : figures(user, Scope.region(target.region.id()), target.region.id(), shownYear, null, memo, true);
        List<Integer> years = new ArrayList<>(data.years);
        years.sort(Comparator.reverseOrder());
        return new Dashboard(Area.of(target.unit), Area.of(target.region), shownYear, years, today,
                target.byMunicipality(), built, total.build(campaignId, main, st), figures, regionFigures,
                data.campaign, data.procedures, st);
    }

    /** The year asked for, or the region's current one; a year out of any plan's reach is refused. */
    private static int checkedYear(@Nullable Integer year, LocalDate today) {
        if (year == null) {
            return today.getYear();
        }
        if (year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Год — число от 2000 до 2100, например " + today.getYear());
        }
        return year;
    }

    /** The schools of a dashboard's scope (or of one of its rows) with their risk, highest first; optionally of one level. */
    public SchoolRisks risks(CurrentUser user, @Nullable Long regionId, @Nullable Long municipalityId,
                                  @Nullable Integer year, @Nullable RiskLevel level) {
        Target target = target(user, regionId, municipalityId);
        int shownYear = checkedYear(year, executions.today(target.region.id()));
        Collected data = collect(user, target, shownYear, new Memo());
        Map<Long, OrgUnit> municipalities = directory.byIds(data.schools.stream().map(OrgUnit::municipalityId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<SchoolRisk> schools = data.schools.stream()
                .map(s -> new SchoolRisk(s.id(), s.displayName(), s.municipalityId(),
                        s.municipalityId() == null || !municipalities.containsKey(s.municipalityId()) ? null
                                : municipalities.get(s.municipalityId()).displayName(), data.risks.get(s.id())))
                .filter(r -> level == null || r.risk().level() == level)
                .sorted(Comparator.comparingInt((SchoolRisk r) -> r.risk().score()).reversed()
                        .thenComparing(SchoolRisk::name))
                .toList();
        return new SchoolRisks(Area.of(target.unit), shownYear, target.byMunicipality(), schools);
    }

    // ------------------------------------------------------------------------------------------------ profile

    /** A school's ВСОКО result of a campaign: level, points, the weakest directions (lowest share of points first). */
    public record VsokoYear(int year, long campaignId, String campaignName, boolean preliminary,
                            ru.rsoko.vsoko.SubmissionStatus status, @Nullable Level level, @Nullable BigDecimal percent,
                            @Nullable BigDecimal points, @Nullable BigDecimal maxPoints, List<String> weakDirections) {
    }

    /** The decisions addressed to the school: counts as of today and the records, by due date. */
    public record ExecutionPart(Counts counts, List<ru.rsoko.execution.ExecutionRecord> items, long more) {
    }

    /** The school at one procedure of a year's plan with a coverage target or observers required. */
    public record CoverageYear(int year, long procedureId, String procedure, @Nullable BigDecimal coverage,
                               @Nullable BigDecimal target, boolean underTarget, String missing, boolean observersRequired,
                               boolean observers) {
    }

    public record Profile(OrgUnit school, @Nullable OrgUnit municipality, OrgUnit region, LocalDate today, int year,
                          List<VsokoYear> vsoko, List<ListFact> lists, ExecutionPart executions,
                          List<CoverageYear> coverage, Risk risk, Settings settings) {
    }

    static final int PROFILE_EXECUTIONS = 50;

    /** One school's profile; 404 when the school is outside the user's scope. */
    /** A school's profile with its ВПР results by year (issue 17), read in the page's one transaction. */
    public record ProfileWithResults(Profile profile, List<ru.rsoko.results.ProcedureResults.SubjectYear> vpr) {
    }

    public ProfileWithResults profileWithResults(CurrentUser user, long schoolId) {
        Profile profile = profile(user, schoolId);
        return new ProfileWithResults(profile, results.ofSchool(profile.school().id(),
                ru.rsoko.results.ProcedureResults.VPR, 2000, 2100));
    }

    public Profile profile(CurrentUser user, long schoolId) {
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (school.type() != OrgUnitType.SCHOOL || school.regionId() == null) {
            throw NotFoundException.of("Школа", schoolId);
        }
        long regionId = school.regionId();
        OrgUnit region = directory.region(regionId);
        OrgUnit municipality = school.municipalityId() == null ? null
                : directory.byIds(List.of(school.municipalityId())).get(school.municipalityId());
        Scope own = Scope.orgUnit(regionId, school.municipalityId(), schoolId);
        LocalDate today = executions.today(regionId);
        int year = today.getYear();
        Memo memo = new Memo();
        // what the profile shows of every year is read first, each in one query: the risk's year is then taken from it
        // (the levels from the scores of the same campaign, the lists of the years looked back from all of them, the
        // year's plan and coverage from every approved plan's, plans newest first)
        memo.listings(own, 2000, 2100);
        memo.scores(user, own, memo.campaignOfEachYear(regionId).values());
        List<Plan> approved = memo.plans(user).stream().filter(p -> p.regionId() == regionId && p.isApproved()).toList();
        List<Procedure> measured = memo.procedures(approved).values().stream().flatMap(List::stream)
                .filter(DashboardService::measured).toList();
        List<Coverage.School> coverageRows = memo.coverage(own, measured);
        Collected data = collect(user, new Target(region, school, own), year, memo);
        Risk risk = data.risks.getOrDefault(schoolId, RiskRules.evaluate(
                new Facts(null, 0, List.of(), List.of(), List.of()), data.settings, id -> ""));

        List<VsokoYear> vsokoYears = new ArrayList<>();
        Set<Integer> campaignYears = new TreeSet<>(Comparator.reverseOrder());
        campaignYears.addAll(memo.campaignYears(regionId));
        for (int y : campaignYears) {
            OptionalLong id = memo.campaignOfYear(regionId, y);
            if (id.isEmpty()) {
                continue;
            }
            memo.scores(user, own, id.getAsLong(), false).ifPresent(scores -> scores.schools().stream()
                    .filter(s -> s.schoolId() == schoolId).findFirst()
                    .ifPresent(s -> vsokoYears.add(vsokoYear(scores, s))));
        }

        List<ListFact> listFacts = memo.listings(own, 2000, 2100).stream()
                .map(l -> new ListFact(l.year(), l.kind())).toList();

        // the school's records, counted as the list of records counts them (already read for the risk, one query)
        Counts counts = data.executionsBySchool.getOrDefault(schoolId, Counts.NONE);
        var page = executions.find(user.scope(), ExecutionFilter.ofOrgUnit(schoolId),
                org.springframework.data.domain.PageRequest.of(0, PROFILE_EXECUTIONS));
        ExecutionPart part = new ExecutionPart(counts, page.getContent(), Math.max(0, page.getTotalElements() - PROFILE_EXECUTIONS));

        Map<Long, Integer> yearOfPlan = new HashMap<>();
        approved.forEach(p -> yearOfPlan.put(p.id(), p.year()));
        Map<Long, Procedure> byId = new HashMap<>();
        measured.forEach(p -> byId.put(p.id(), p));
        Map<Long, List<CoverageYear>> coverageOfPlan = new LinkedHashMap<>();
        approved.forEach(p -> coverageOfPlan.put(p.id(), new ArrayList<>()));
        for (Coverage.School s : coverageRows) {
            Procedure p = byId.get(s.procedureId());
            coverageOfPlan.get(p.planId()).add(new CoverageYear(yearOfPlan.get(p.planId()), p.id(), p.title(), s.coverage(),
                    p.coverageTarget(), s.underTarget(), s.missingText(), p.observersRequired(), s.observers()));
        }
        List<CoverageYear> coverage = coverageOfPlan.values().stream().flatMap(List::stream).toList();
        return new Profile(school, municipality, region, today, year, vsokoYears, listFacts, part, coverage, risk,
                data.settings);
    }

    private static VsokoYear vsokoYear(VsokoResults.Scores scores, VsokoResults.SchoolScore s) {
        BigDecimal points = null;
        BigDecimal max = null;
        List<String> weak = List.of();
        if (s.level() != null) {
            points = BigDecimal.ZERO;
            max = BigDecimal.ZERO;
            record Weak(String name, BigDecimal percent) {
            }
            List<Weak> all = new ArrayList<>();
            for (int i = 0; i < s.directions().size(); i++) {
                VsokoResults.DirectionScore d = s.directions().get(i);
                points = points.add(d.earned());
                max = max.add(d.max());
                if (d.percent().compareTo(BigDecimal.valueOf(100)) < 0 && i < scores.directions().size()) {
                    VsokoResults.Direction direction = scores.directions().get(i);
                    all.add(new Weak(direction.code() + ". " + direction.name(), d.percent()));
                }
            }
            weak = all.stream().sorted(Comparator.comparing(Weak::percent)).limit(2)
                    .map(w -> w.name() + " — " + w.percent().toPlainString().replace('.', ',') + " %").toList();
        }
        return new VsokoYear(scores.year(), scores.campaignId(), scores.campaignName(), scores.preliminary(), s.status(),
                s.level(), s.percent(), points, max, weak);
    }

    // ------------------------------------------------------------------------------------------------ collecting

    /**
     * A campaign's scores asked once per answer: the year's levels, the risk's published results and the trends often
     * speak of the same campaign. A school's profile reads every year first (every campaign's scores, every approved
     * plan's procedures and the school at them, each in one query), and the year's figures are taken from those.
     */
    private final class Memo {
        private final Map<String, Optional<VsokoResults.Scores>> scores = new HashMap<>();
        private final Map<String, Optional<VsokoResults.Levels>> levels = new HashMap<>();
        private final Map<Long, Map<Integer, Long>> campaignOfYear = new HashMap<>();
        private @Nullable List<Plan> plans;
        private final Map<String, Optional<Share>> planOnTime = new HashMap<>();
        private final List<ListingsRead> listingsRead = new ArrayList<>();
        private final Map<Long, List<Procedure>> proceduresOfPlan = new HashMap<>();
        private final List<CoverageRead> coverageRead = new ArrayList<>();

        Optional<VsokoResults.Scores> scores(CurrentUser user, Scope scope, long campaignId, boolean publishedOnly) {
            Optional<VsokoResults.Scores> found = scores.computeIfAbsent(campaignId + " " + scope,
                    k -> vsoko.scores(user, scope, campaignId, false));
            return publishedOnly ? found.filter(s -> !s.preliminary()) : found;
        }

        /** The scores of every campaign over the scope not yet read, in one query. */
        void scores(CurrentUser user, Scope scope, java.util.Collection<Long> campaignIds) {
            List<Long> unread = campaignIds.stream().filter(id -> !scores.containsKey(id + " " + scope)).toList();
            if (unread.isEmpty()) {
                return;
            }
            Map<Long, VsokoResults.Scores> read = vsoko.scores(user, scope, unread, false);
            unread.forEach(id -> scores.put(id + " " + scope, Optional.ofNullable(read.get(id))));
        }

        Optional<VsokoResults.Levels> levels(CurrentUser user, Scope scope, long campaignId, boolean publishedOnly) {
            // the levels are what the scores decide (VsokoResults.levels), so scores already read answer for them
            Optional<VsokoResults.Scores> read = scores.get(campaignId + " " + scope);
            Optional<VsokoResults.Levels> found = levels.computeIfAbsent(campaignId + " " + scope,
                    k -> read != null ? read.map(Memo::levelsOf) : vsoko.levels(user, scope, campaignId, false));
            return publishedOnly ? found.filter(s -> !s.preliminary()) : found;
        }

        private static VsokoResults.Levels levelsOf(VsokoResults.Scores s) {
            return new VsokoResults.Levels(s.campaignId(), s.campaignName(), s.year(), s.preliminary(), s.closed(),
                    s.schools().stream().map(school -> new VsokoResults.SchoolLevel(school.schoolId(),
                            school.municipalityId(), school.status(), school.level())).toList());
        }

        /**
         * The scope's list entries of the years, read once: a narrower range of a scope already read is taken from
         * what was read (entries come newest year first, as {@link SchoolLists#of} gives them).
         */
        List<SchoolLists.Listing> listings(Scope scope, int fromYear, int toYear) {
            for (ListingsRead read : listingsRead) {
                if (read.scope().equals(scope) && read.fromYear() <= fromYear && read.toYear() >= toYear) {
                    return read.listings().stream().filter(l -> l.year() >= fromYear && l.year() <= toYear).toList();
                }
            }
            List<SchoolLists.Listing> read = lists.of(scope, fromYear, toYear);
            listingsRead.add(new ListingsRead(scope, fromYear, toYear, read));
            return read;
        }

        private record ListingsRead(Scope scope, int fromYear, int toYear, List<SchoolLists.Listing> listings) {
        }

        /** The region's campaign each year's figures speak of, asked once for all years. */
        OptionalLong campaignOfYear(long regionId, int year) {
            Long id = campaignOfYear.computeIfAbsent(regionId, vsoko::campaignOfEachYear).get(year);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }

        /** The region's campaign of each year. */
        Map<Integer, Long> campaignOfEachYear(long regionId) {
            return campaignOfYear.computeIfAbsent(regionId, vsoko::campaignOfEachYear);
        }

        /** The years the region has a campaign in. */
        Set<Integer> campaignYears(long regionId) {
            return campaignOfYear.computeIfAbsent(regionId, vsoko::campaignOfEachYear).keySet();
        }

        /** A plan's procedures, taken from those of several plans read at once when they were. */
        List<Procedure> procedures(Plan plan) {
            return proceduresOfPlan.computeIfAbsent(plan.id(), k -> DashboardService.this.plans.procedures(plan));
        }

        /** The procedures of the plans, those not read yet in one query. */
        Map<Long, List<Procedure>> procedures(List<Plan> plans) {
            List<Plan> unread = plans.stream().filter(p -> !proceduresOfPlan.containsKey(p.id())).toList();
            if (!unread.isEmpty()) {
                proceduresOfPlan.putAll(DashboardService.this.plans.procedures(unread));
            }
            Map<Long, List<Procedure>> found = new LinkedHashMap<>();
            plans.forEach(p -> found.put(p.id(), proceduresOfPlan.get(p.id())));
            return found;
        }

        /**
         * The scope's schools at the procedures ({@link ParticipationFigures#schools}), taken from a read of more
         * procedures over the same scope when there was one (a school's rows at one procedure do not depend on the
         * others asked with it; the order, by school and procedure, stays).
         */
        List<Coverage.School> coverage(Scope scope, List<Procedure> procedures) {
            Set<Long> ids = new HashSet<>();
            procedures.forEach(p -> ids.add(p.id()));
            for (CoverageRead read : coverageRead) {
                if (read.scope().equals(scope) && read.procedureIds().containsAll(ids)) {
                    return read.schools().stream().filter(s -> ids.contains(s.procedureId())).toList();
                }
            }
            List<Coverage.School> read = participation.schools(scope, procedures);
            coverageRead.add(new CoverageRead(scope, ids, read));
            return read;
        }

        private record CoverageRead(Scope scope, Set<Long> procedureIds, List<Coverage.School> schools) {
        }

        List<Plan> plans(CurrentUser user) {
            if (plans == null) {
                plans = DashboardService.this.plans.list(user);
            }
            return plans;
        }

        /**
         * «План-график в срок» of the region's approved plan of a year, as {@link PlanExecutionService#onTimeShare}
         * counts it, from the plans the page reads anyway: only the procedures of that plan are asked for, once.
         */
        @Nullable Share planOnTime(CurrentUser user, long regionId, int year) {
            return planOnTime.computeIfAbsent(regionId + " " + year, k -> plans(user).stream()
                    .filter(p -> p.regionId() == regionId && p.year() == year && p.isApproved()).findFirst()
                    .map(p -> PlanExecution.of(DashboardService.this.plans.procedures(p), executions.today(regionId))
                            .total().onTime())).orElse(null);
        }

        void rememberPlanOnTime(long regionId, int year, @Nullable Share share) {
            planOnTime.put(regionId + " " + year, Optional.ofNullable(share));
        }
    }

    /** Whose dashboard: the region, the area (region or municipality), its scope and the organisation it is. */
    record Target(OrgUnit region, OrgUnit unit, Scope scope) {
        boolean byMunicipality() {
            return unit.type() == OrgUnitType.REGION;
        }

    }

    Target target(CurrentUser user, @Nullable Long regionId, @Nullable Long municipalityId) {
        if (user.is(Role.SCHOOL)) {
            throw RuleViolationException.forbidden("Панель показателей есть у региона и муниципалитета; школе — профиль школы");
        }
        Long municipality = user.is(Role.MUNICIPALITY) ? user.municipalityId() : municipalityId;
        if (user.is(Role.MUNICIPALITY) && municipalityId != null && !municipalityId.equals(municipality)) {
            throw NotFoundException.of("Муниципалитет", municipalityId);
        }
        OrgUnit unit = municipality == null ? null : directory.get(user.scope(), municipality);
        if (unit != null && (unit.type() != OrgUnitType.MUNICIPALITY || unit.regionId() == null)) {
            throw NotFoundException.of("Муниципалитет", municipality);
        }
        long region;
        if (user.regionId() != null) {
            region = user.regionId();
        } else if (regionId != null) {
            region = regionId;
        } else if (unit != null) {
            region = unit.regionId();
        } else {
            List<OrgUnit> regions = directory.regions(user.scope());
            if (regions.isEmpty()) {
                throw new NotFoundException("Нет ни одного региона");
            }
            region = regions.getFirst().id();
        }
        if (regionId != null && regionId != region) {
            throw NotFoundException.of("Регион", regionId);
        }
        // one's own region is read as such; a deployment administrator's choice must be a region they see
        OrgUnit regionUnit = user.regionId() != null ? directory.region(region) : directory.get(user.scope(), region);
        if (regionUnit.type() != OrgUnitType.REGION) {
            throw NotFoundException.of("Регион", region);
        }
        if (unit == null) {
            return new Target(regionUnit, regionUnit, Scope.region(region));
        }
        if (!Long.valueOf(region).equals(unit.regionId())) {
            throw NotFoundException.of("Муниципалитет", municipality);
        }
        return new Target(regionUnit, unit, Scope.municipality(region, unit.id()));
    }

    /** Everything a dashboard of the scope needs, per school; a fixed number of queries. */
    private static final class Collected {
        Settings settings;
        List<OrgUnit> schools = new ArrayList<>();
        Map<Long, Counts> executionsBySchool = Map.of();
        @Nullable CampaignRef campaign;
        VsokoResults.@Nullable Levels yearLevelsAll;
        Map<Long, VsokoResults.SchoolLevel> yearLevels = new HashMap<>();
        Map<Long, Set<ListKind>> yearLists = new HashMap<>();
        List<ProcedureRef> procedures = List.of();
        Map<Long, List<Coverage.School>> coverage = new HashMap<>();
        Map<Long, Risk> risks = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        @Nullable Share planOnTime;
    }

    private Collected collect(CurrentUser user, Target target, int year, Memo memo) {
        Collected c = new Collected();
        long regionId = target.region.id();
        c.settings = settings.of(regionId);
        Settings st = c.settings;
        if (target.unit.type() == OrgUnitType.SCHOOL) {
            // a school's profile: the school just read is the scope's only one
            if (target.unit.active()) {
                c.schools.add(target.unit);
            }
        } else {
            c.schools.addAll(directory.active(target.scope, OrgUnitType.SCHOOL));
        }
        c.schools.sort(Comparator.comparing(OrgUnit::displayName).thenComparingLong(OrgUnit::id));
        c.executionsBySchool = executions.countsByOrgUnit(target.scope);

        // the year's campaign, as its results pages show it to this user
        OptionalLong campaignId = memo.campaignOfYear(regionId, year);
        if (campaignId.isPresent()) {
            memo.levels(user, target.scope, campaignId.getAsLong(), false).ifPresent(levels -> {
                c.yearLevelsAll = levels;
                c.campaign = new CampaignRef(levels.campaignId(), levels.campaignName(), levels.year(), levels.preliminary());
                levels.schools().forEach(s -> c.yearLevels.put(s.schoolId(), s));
            });
        }
        // the published results the risk reads, the newest within the years looked back, school by school
        Map<Long, VsokoFact> vsokoFacts = new HashMap<>();
        for (int y = year; y > year - st.lookbackYears(); y--) {
            OptionalLong id = memo.campaignOfYear(regionId, y);
            if (id.isEmpty()) {
                continue;
            }
            Optional<VsokoResults.Levels> published = memo.levels(user, target.scope, id.getAsLong(), true);
            int campaignYear = y;
            published.ifPresent(scores -> scores.schools().forEach(s -> {
                if (s.level() != null || scores.closed()) {
                    vsokoFacts.putIfAbsent(s.schoolId(), new VsokoFact(campaignYear, s.level()));
                }
            }));
        }

        // lists of the years looked back
        Map<Long, List<ListFact>> listFacts = new HashMap<>();
        for (SchoolLists.Listing listing : memo.listings(target.scope, year - st.lookbackYears() + 1, year)) {
            listFacts.computeIfAbsent(listing.schoolId(), k -> new ArrayList<>()).add(new ListFact(listing.year(), listing.kind()));
            if (listing.year() == year) {
                c.yearLists.computeIfAbsent(listing.schoolId(), k -> new HashSet<>()).add(listing.kind());
            }
        }

        // the year's approved procedures with a coverage target or observers required
        // the region's approved plan of the year, from the plans the page reads anyway (approved ones everyone sees)
        Optional<Plan> plan = memo.plans(user).stream()
                .filter(p -> p.regionId() == regionId && p.year() == year && p.isApproved()).findFirst();
        List<Procedure> planned = plan.map(memo::procedures).orElse(List.of());
        // «план-график в срок» of the year from the procedures just read, as PlanExecutionService.onTimeShare counts it
        c.planOnTime = plan.map(p -> PlanExecution.of(planned, executions.today(regionId)).total().onTime()).orElse(null);
        memo.rememberPlanOnTime(regionId, year, c.planOnTime);
        List<Procedure> measured = planned.stream().filter(DashboardService::measured).toList();
        Map<Long, String> titles = new HashMap<>();
        measured.forEach(p -> titles.put(p.id(), p.title()));
        c.procedures = measured.stream().filter(p -> p.coverageTarget() != null)
                .sorted(Comparator.comparing((Procedure p) -> !"VPR".equals(p.typeCode())).thenComparingInt(Procedure::position))
                .map(p -> new ProcedureRef(p.id(), p.planId(), p.title(), p.coverageTarget(), p.observersRequired()))
                .toList();
        Map<Long, Procedure> byId = new HashMap<>();
        measured.forEach(p -> byId.put(p.id(), p));
        Map<Long, List<Coverage.School>> riskCoverage = new HashMap<>();
        Map<Long, List<String>> noObservers = new HashMap<>();
        for (Coverage.School s : memo.coverage(target.scope, measured)) {
            Procedure p = byId.get(s.procedureId());
            if (p.coverageTarget() != null) {
                c.coverage.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s);
            }
            // a cancelled procedure counts in the year's coverage as ParticipationFigures counts it, but is no one's risk
            boolean held = p.status() != ru.rsoko.plan.ProcedureStatus.CANCELLED;
            if (held && p.coverageTarget() != null) {
                riskCoverage.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(s);
            }
            if (held && p.observersRequired() && !s.observers() && s.rows() > 0) {
                noObservers.computeIfAbsent(s.schoolId(), k -> new ArrayList<>()).add(p.title());
            }
        }

        for (OrgUnit school : c.schools) {
            Counts counts = c.executionsBySchool.getOrDefault(school.id(), Counts.NONE);
            Facts facts = new Facts(vsokoFacts.get(school.id()), counts.overdue(),
                    listFacts.getOrDefault(school.id(), List.of()), riskCoverage.getOrDefault(school.id(), List.of()),
                    noObservers.getOrDefault(school.id(), List.of()));
            c.risks.put(school.id(), RiskRules.evaluate(facts, st, id -> titles.getOrDefault(id, "процедура")));
        }

        // the years the data covers, for the year picker and the trends
        int now = executions.today(regionId).getYear();
        c.years.addAll(memo.campaignYears(regionId));
        memo.plans(user).stream().filter(p -> p.regionId() == regionId).forEach(p -> c.years.add(p.year()));
        c.years.add(now);
        c.years.add(year);
        c.years.removeIf(y -> y < now - TREND_YEARS || y > now + 1);
        return c;
    }

    /** A procedure whose coverage or observers the dashboards and the profile show. */
    private static boolean measured(Procedure p) {
        return p.coverageTarget() != null || p.observersRequired();
    }

    /**
     * The headline figures of the scope for each year the data covers: the share of schools with ВСОКО «сформирована»,
     * decisions executed on time, plan procedures done on time, ВПР coverage. {@code data} when the year's figures are
     * already collected for this scope; {@code yearOnly} for the region's figures set beside a municipality's (no trend).
     */
    private List<Figure> figures(CurrentUser user, Scope scope, long regionId, int year, @Nullable Collected data, Memo memo,
                                 boolean yearOnly) {
        Set<Integer> yearSet = new TreeSet<>();
        if (yearOnly) {
            yearSet.add(year);
        } else if (data != null) {
            yearSet.addAll(data.years);
        } else {
            int now = executions.today(regionId).getYear();
            yearSet.addAll(memo.campaignYears(regionId));
            memo.plans(user).stream().filter(p -> p.regionId() == regionId).forEach(p -> yearSet.add(p.year()));
            yearSet.add(now);
            yearSet.add(year);
            yearSet.removeIf(y -> y < now - TREND_YEARS || y > now + 1);
        }
        List<Point> formed = new ArrayList<>();
        List<Point> executed = new ArrayList<>();
        List<Point> planned = new ArrayList<>();
        List<Point> covered = new ArrayList<>();
        int now = executions.today(regionId).getYear();
        for (int y : yearSet) {
            int shownYear = y;
            // another past year's points are read from the recent cache; the year on show and the current one are live
            YearPoints points = y != year && y < now
                    ? pastYears.get(user.role() + "|" + scope + "|" + y, () -> yearPoints(user, scope, regionId, shownYear, null, memo))
                    : yearPoints(user, scope, regionId, y, data != null && y == year ? data : null, memo);
            formed.add(points.formed());
            executed.add(points.executed());
            planned.add(points.planned());
            covered.add(points.covered());
        }
        return List.of(
                figure("vsokoFormedShare", "ВСОКО сформирована", formed, year, "доля школ с уровнем «сформирована» среди школ, представивших самооценку в кампании года"),
                figure("executedOnTimeShare", "Поручения выполнены в срок", executed, year, "доля выполненных в срок среди разовых поручений со сроком в году, срок которых наступил или которые выполнены"),
                figure("planOnTimeShare", "План-график в срок", planned, year, "доля процедур плана-графика года, проведённых в срок, среди тех, срок которых наступил"),
                figure("coverage", "Охват ВПР", covered, year, "участники от числа обучающихся на процедурах плана года с целевым охватом"));
    }

    /** One year's points of the four headline figures. */
    record YearPoints(Point formed, Point executed, Point planned, Point covered) {
    }

    /** The year's headline figures over the scope; {@code data} when the year's records are already read for it. */
    private YearPoints yearPoints(CurrentUser user, Scope scope, long regionId, int y, @Nullable Collected data, Memo memo) {
        Share formedShare = null;
        if (data != null) {
            formedShare = data.yearLevelsAll == null ? null : formedShare(data.yearLevelsAll);
        } else {
            OptionalLong id = memo.campaignOfYear(regionId, y);
            if (id.isPresent()) {
                formedShare = memo.levels(user, scope, id.getAsLong(), false).map(DashboardService::formedShare).orElse(null);
            }
        }
        // the year on show is added up from the rows already read, by the rule ParticipationFigures applies
        return new YearPoints(Point.of(y, formedShare),
                Point.of(y, executions.onTimeShare(scope, regionId, y)),
                Point.of(y, data != null ? data.planOnTime : memo.planOnTime(user, regionId, y)),
                Point.of(y, data != null ? coverageShare(data.coverage) : participation.coverage(scope, regionId, y)));
    }

    private static Figure figure(String key, String name, List<Point> trend, int year, String denominator) {
        Point shown = new Point(year, null, "нет данных");
        for (Point p : trend) {
            if (p.year() == year) {
                shown = p;
            }
        }
        return new Figure(key, name, shown.value(), shown.title(), denominator, trend);
    }

    /** {@link ParticipationFigures#coverage}'s figure over rows already read: none without any row or pupil. */
    private static @Nullable Share coverageShare(Map<Long, List<Coverage.School>> bySchool) {
        List<Coverage.School> all = bySchool.values().stream().flatMap(List::stream).toList();
        if (all.stream().noneMatch(s -> s.rows() > 0)) {
            return null;
        }
        Share share = Coverage.Totals.of(null, "", all).share();
        return share.defined() ? share : null;
    }

    private static Share formedShare(VsokoResults.Levels levels) {
        return Share.of(levels.count(Level.FORMED), levels.withResult(), VsokoResults.OF_WITH_RESULT);
    }

    // ------------------------------------------------------------------------------------------------ charts

    /** ВСОКО directions × rows of the dashboard: the share of the maximum points earned (schools with a result). */
    public record Heatmap(List<String> directions, List<Area> rows, List<List<@Nullable BigDecimal>> shares) {
    }

    /** {@code vpr}: the ВПР marks of the latest year with results, of the scope with the region's beside (issue 17). */
    public record Charts(Dashboard dashboard, Heatmap heatmap, @Nullable PlanExecution plan,
                         ru.rsoko.results.ProcedureResults.@Nullable Distribution vpr) {
    }

    public Charts charts(CurrentUser user, @Nullable Long regionId, @Nullable Long municipalityId, @Nullable Integer year) {
        Memo memo = new Memo();
        Dashboard dashboard = dashboard(user, regionId, municipalityId, year, memo);
        Target target = target(user, regionId, municipalityId);
        Heatmap heatmap = new Heatmap(List.of(), List.of(), List.of());
        if (dashboard.campaign() != null) {
            Optional<VsokoResults.Scores> scores = memo.scores(user, target.scope, dashboard.campaign().id(), false);
            if (scores.isPresent()) {
                heatmap = heatmap(scores.get(), dashboard);
            }
        }
        PlanExecution execution = plans.ofYear(target.region.id(), dashboard.year()).filter(Plan::isApproved)
                .map(planExecution::now).orElse(null);
        ru.rsoko.results.ProcedureResults.Distribution vpr = results.latest(target.region.id(),
                target.byMunicipality() ? null : target.unit.id(), ru.rsoko.results.ProcedureResults.VPR).orElse(null);
        return new Charts(dashboard, heatmap, execution, vpr);
    }

    private static Heatmap heatmap(VsokoResults.Scores scores, Dashboard dashboard) {
        int n = scores.directions().size();
        Map<Long, BigDecimal[][]> sums = new LinkedHashMap<>();
        dashboard.rows().forEach(r -> sums.put(r.orgUnit().id(), new BigDecimal[n][2]));
        for (VsokoResults.SchoolScore s : scores.schools()) {
            if (s.level() == null) {
                continue;
            }
            long key = dashboard.byMunicipality() ? (s.municipalityId() == null ? 0 : s.municipalityId()) : s.schoolId();
            BigDecimal[][] cell = sums.get(key);
            if (cell == null) {
                continue;
            }
            for (int i = 0; i < n && i < s.directions().size(); i++) {
                VsokoResults.DirectionScore d = s.directions().get(i);
                cell[i][0] = cell[i][0] == null ? d.earned() : cell[i][0].add(d.earned());
                cell[i][1] = cell[i][1] == null ? d.max() : cell[i][1].add(d.max());
            }
        }
        List<List<@Nullable BigDecimal>> shares = new ArrayList<>();
        List<Area> rows = new ArrayList<>();
        for (Row row : dashboard.rows()) {
            BigDecimal[][] cell = sums.get(row.orgUnit().id());
            List<@Nullable BigDecimal> line = new ArrayList<>();
            boolean any = false;
            for (int i = 0; i < n; i++) {
                BigDecimal value = cell[i][1] == null || cell[i][1].signum() == 0 ? null
                        : cell[i][0].multiply(BigDecimal.valueOf(100)).divide(cell[i][1], 1, RoundingMode.HALF_UP);
                any |= value != null;
                line.add(value);
            }
            if (any) {
                rows.add(row.orgUnit());
                shares.add(line);
            }
        }
        return new Heatmap(scores.directions().stream().map(d -> d.code() + ". " + d.name()).toList(), rows, shares);
    }

    // ------------------------------------------------------------------------------------------------ rows

    private static List<RowBuilder> builders(@Nullable RowBuilder row, RowBuilder total) {
        return row == null ? List.of(total) : List.of(row, total);
    }

    private static final class RowBuilder {
        final Area area;
        long schools;
        Counts executions = Counts.NONE;
        long formed, partial, notFormed, noResult;
        long low, nonObjective;
        long high, medium, lowRisk;
        final List<Coverage.School> coverage = new ArrayList<>();

        RowBuilder(Area area) {
            this.area = area;
        }

        void vsoko(@Nullable Level level) {
            if (level == null) {
                noResult++;
            } else {
                switch (level) {
                    case FORMED -> formed++;
                    case PARTIAL -> partial++;
                    case NOT_FORMED -> notFormed++;
                }
            }
        }

        void list(ListKind kind) {
            if (kind == ListKind.LOW_RESULTS) {
                low++;
            } else {
                nonObjective++;
            }
        }

        void risk(RiskLevel level) {
            switch (level) {
                case HIGH -> high++;
                case MEDIUM -> medium++;
                case LOW -> lowRisk++;
            }
        }

        Row build(@Nullable Long campaignId, @Nullable ProcedureRef main, Settings st) {
            Coverage.Totals totals = Coverage.Totals.of(area.id(), area.name(), coverage);
            long withoutObservers = main == null || !main.observersRequired() ? 0 : coverage.stream()
                    .filter(s -> s.procedureId() == main.id() && !s.observers()).map(Coverage.School::schoolId).distinct().count();
            String missing = area.type() == OrgUnitType.SCHOOL
                    ? String.join("; ", coverage.stream().filter(Coverage.School::withoutData).map(Coverage.School::missingText).distinct().toList())
                    : totals.schoolsWithoutData() == 0 ? "" : "нет данных у " + totals.schoolsWithoutData() + " ОО (считаются ниже цели)";
            CoverageCell cell = new CoverageCell(main == null ? null : main.id(), totals.pupils(), totals.participants(),
                    totals.coverage(), totals.schools(), totals.schoolsUnderTarget(), withoutObservers,
                    totals.schoolsWithoutData(), missing);
            VsokoCell v = new VsokoCell(campaignId, formed, partial, notFormed, noResult);
            RiskCell r = new RiskCell(high, medium, lowRisk);
            Colours colours = new Colours(
                    higherIsBetter(v.formedShare(), st.formedGreen(), st.formedRed()),
                    lowerIsBetter(share(executions.overdue(), executions.total()), st.overdueGreen(), st.overdueRed()),
                    coverageRag(totals, main, st),
                    lowerIsBetter(share(high, schools), st.riskGreen(), st.riskRed()));
            return new Row(area, schools, v, executions, cell, new ListCell(low, nonObjective), r, colours);
        }
    }

    static Rag higherIsBetter(@Nullable BigDecimal value, BigDecimal green, BigDecimal red) {
        if (value == null) {
            return Rag.NONE;
        }
        return value.compareTo(green) >= 0 ? Rag.GREEN : value.compareTo(red) < 0 ? Rag.RED : Rag.AMBER;
    }

    static Rag lowerIsBetter(@Nullable BigDecimal value, BigDecimal green, BigDecimal red) {
        if (value == null) {
            return Rag.NONE;
        }
        return value.compareTo(green) <= 0 ? Rag.GREEN : value.compareTo(red) > 0 ? Rag.RED : Rag.AMBER;
    }

    /** Green at or above the target (compared exactly), amber within the region's gap below it, red further below. */
    static Rag coverageRag(Coverage.Totals totals, @Nullable ProcedureRef main, Settings st) {
        if (main == null || main.target() == null || totals.pupils() == 0) {
            return Rag.NONE;
        }
        BigDecimal exact = BigDecimal.valueOf(totals.participants()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(totals.pupils()), 10, RoundingMode.HALF_UP);
        if (exact.compareTo(main.target()) >= 0) {
            // a figure over the grades with data says nothing of those without: not green while data is missing
            return totals.schoolsWithoutData() > 0 ? Rag.AMBER : Rag.GREEN;
        }
        return exact.compareTo(main.target().subtract(st.coverageAmberGap())) >= 0 ? Rag.AMBER : Rag.RED;
    }

    /** Part of whole in per cent, one decimal (half up); null when the whole is nothing. */
    static @Nullable BigDecimal share(long part, long whole) {
        return Share.of(part, whole, "").percent();
    }
}
