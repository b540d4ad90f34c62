package ru.rsoko.vsoko.result;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.Share;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.VsokoResults;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.FrameworkView;
import ru.rsoko.vsoko.framework.FrameworkViews;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Results of a ВСОКО campaign, computed from the values' points (never typed): per school the share of the
 * maximum earned per direction and overall and the level by the framework's thresholds; per municipality and
 * for the region the count and share of schools at each level; a comparison with the previous campaign on the
 * indicators both frameworks share (by code).
 * <p>
 * Only counted submissions (представлена, принята) have a result. The sums per submission and direction are kept by
 * the database as values are written ({@code vsoko_direction_score}, V9); one query per campaign reads them, and
 * everything above a school is added up in memory from those rows, so the regional report costs the same few queries
 * for 2,000 schools as for 7.
 * <p>
 * Regional staff see the results at any time (preliminary until published); municipalities and schools only
 * once published, and only their own — otherwise 404.
 */
@Service
@Transactional(readOnly = true)
class ResultService {

    static final String COUNTED = "('SUBMITTED', 'APPROVED', 'ACCEPTED')";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CampaignService campaigns;
    private final FrameworkViews frameworks;
    private final JdbcTemplate jdbc;

    ResultService(CampaignService campaigns, FrameworkViews frameworks, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.frameworks = frameworks;
        this.jdbc = jdbc;
    }

    /** The campaign's framework, kept (the campaign's lazy reference gives its id without loading it). */
    private FrameworkView frameworkOf(Campaign campaign) {
        return frameworks.of(campaign.getFramework().getId());
    }

    // ---------------------------------------------------------------------------------------------- the shapes

    public record DirectionInfo(long id, String code, String name, BigDecimal maxPoints) {

        /**
         * How a column of the direction is headed, on the page and in the .xlsx: the code and the name, a name of
         * more than {@value ResultNumbers#HEADER_NAME} characters cut at a word («1. Система оценки качества
         * подготовки обучающихся»); the header wraps, so nobody needs a tooltip to know what «1» is.
         */
        public String header() {
            return ResultNumbers.directionHeader(code, name);
        }
    }

    /** Points earned of the maximum: the share in per cent (1 decimal, half up) and the level. */
    public record Score(BigDecimal earned, BigDecimal max, BigDecimal percent, Level level) {
    }

    /** Previous and current score on the indicators both campaigns share, and the levels they reach. */
    public record Change(BigDecimal previous, BigDecimal current, Level previousLevel, Level currentLevel) {
        public BigDecimal delta() {
            return previous == null || current == null ? null : current.subtract(previous);
        }

        /** «+4,5», «−2,0», «0,0». */
        public String deltaText() {
            BigDecimal d = delta();
            if (d == null) {
                return "";
            }
            String abs = d.abs().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
            return d.signum() > 0 ? "+" + abs : d.signum() < 0 ? "−" + abs : abs;
        }

        public boolean levelChanged() {
            return previousLevel != null && currentLevel != null && previousLevel != currentLevel;
        }
    }

    /** One participating school; {@code overall} is null until its self-assessment is handed in. */
    public record SchoolResult(long submissionId, long schoolId, String schoolName, Long municipalityId,
                               String municipalityName, SubmissionStatus status, Score overall, List<Score> directions,
                               Change change) {
        public boolean hasResult() {
            return overall != null;
        }

        public Level level() {
            return overall == null ? null : overall.level();
        }
    }

    public record DirectionAverage(DirectionInfo direction, BigDecimal percent) {
    }

    /** A municipality (or the region's total): participants, results by level, averages, weakest directions. */
    public record AreaResult(Long municipalityId, String name, long participants, long withResult,
                             Map<Level, Long> counts, BigDecimal averageScore, List<DirectionAverage> directionAverages,
                             List<DirectionAverage> weakest, Change change) {
        public long count(Level level) {
            return counts.getOrDefault(level, 0L);
        }

        /** The schools with a result at the level among those with a result: {@link VsokoResults.Total#shareOf}. */
        public Share shareOf(Level level) {
            return Share.of(count(level), withResult, VsokoResults.OF_WITH_RESULT);
        }

        /** {@link #shareOf} in per cent with 1 decimal; null without any result. */
        public BigDecimal share(Level level) {
            return shareOf(level).percent();
        }

        public long notSubmitted() {
            return participants - withResult;
        }

        /** «Сформированность ВСОКО показали 7 ОО из 7 (100 %)». */
        public String summary() {
            if (withResult == 0) {
                return "Результатов пока нет: ни одна школа не представила самооценку";
            }
            return "Сформированность ВСОКО показали " + count(Level.FORMED) + " ОО из " + withResult + " ("
                    + shareOf(Level.FORMED).text() + ")";
        }
    }

    /** What was compared: the previous campaign and how many indicators (by code) both frameworks have. */
    public record Comparison(long previousCampaignId, String previousCampaignName, int indicators) {
    }

    public record CampaignResults(CampaignView campaign, boolean preliminary, List<DirectionInfo> directions,
                                  List<AreaResult> municipalities, AreaResult total, List<SchoolResult> schools,
                                  Comparison comparison) {
    }

    /** One indicator of a school as answered and scored, for «что улучшить». */
    public record IndicatorResult(IndicatorView indicator, DirectionInfo direction, String answer, String expertAnswer,
                                  String expertComment, BigDecimal earned, BigDecimal max) {
        public BigDecimal percent() {
            return max.signum() == 0 ? HUNDRED : ResultService.percent(earned, max);
        }
    }

    public record SchoolReport(CampaignView campaign, boolean preliminary, List<DirectionInfo> directions,
                               SchoolResult result, List<IndicatorResult> improveFirst, Comparison comparison) {
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The campaign, if the user may see its results: regional staff always, others once published. */
    private Campaign campaign(CurrentUser user, long campaignId) {
        Campaign campaign = campaigns.load(user, campaignId);
        if (!seesPreliminary(user) && campaign.getStatus() != CampaignStatus.PUBLISHED) {
            throw new NotFoundException("Результаты кампании ещё не опубликованы: " + campaignId);
        }
        return campaign;
    }

    /**
     * Whether the user may see the campaign's results (and, with {@code publishedOnly}, whether they are published);
     * answers without an exception, so that a caller's transaction stays usable.
     */
    public boolean visible(CurrentUser user, long campaignId, boolean publishedOnly) {
        return campaigns.find(user, campaignId)
                .filter(c -> c.getStatus() == CampaignStatus.PUBLISHED || !publishedOnly && seesPreliminary(user))
                .isPresent();
    }

    /** Nothing when the user may see the campaign's results; {@code NotFoundException} otherwise. */
    public void requireVisible(CurrentUser user, long campaignId) {
        campaign(user, campaignId);
    }

    /**
     * The region's campaign of the year whose results a figure of that year speaks of: the latest published one,
     * else the latest.
     */
    public java.util.OptionalLong campaignOfYear(long regionId, int year) {
        List<Long> found = jdbc.queryForList("""
                select id from vsoko_campaign where region_id = ? and year = ?
                order by (status = 'PUBLISHED') desc, published_at desc nulls last, created_at desc, id desc
                limit 1""", Long.class, regionId, year);
        return found.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(found.getFirst());
    }

    /** {@link #campaignOfYear} of each year at once, by the same order. */
    public Map<Integer, Long> campaignOfEachYear(long regionId) {
        // the region's campaigns read as entities (a handful a year), so that reading a year's results afterwards in
        // the same transaction finds its campaign in the persistence context rather than asking for it again
        Comparator<Campaign> preferred = Comparator.comparing((Campaign c) -> c.getStatus() != CampaignStatus.PUBLISHED)
                .thenComparing(Campaign::getPublishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Campaign::getCreatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Campaign::getId, Comparator.reverseOrder());
        Map<Integer, Campaign> chosen = new java.util.TreeMap<>();
        for (Campaign c : campaigns.ofRegion(regionId)) {
            chosen.merge(c.getYear(), c, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
        }
        Map<Integer, Long> byYear = new java.util.TreeMap<>();
        chosen.forEach((year, c) -> byYear.put(year, c.getId()));
        return byYear;
    }

    static boolean seesPreliminary(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.ADMIN);
    }

    /** Every school of the user's scope, by municipality, and the municipalities' and the total's figures. */
    public CampaignResults results(CurrentUser user, long campaignId) {
        return compute(user, campaign(user, campaignId), null, true);
    }

    /** One municipality of the user's scope with its schools; 404 when it is outside or has no participant. */
    public CampaignResults municipality(CurrentUser user, long campaignId, long municipalityId) {
        Campaign campaign = campaign(user, campaignId);
        if (user.scope().level() == Scope.Level.ORG_UNIT || user.scope().level() == Scope.Level.MUNICIPALITY
                && !Long.valueOf(municipalityId).equals(user.scope().municipalityId())) {
            throw NotFoundException.of("Муниципалитет", municipalityId);
        }
        CampaignResults results = compute(user, campaign, municipalityId, true);
        if (results.schools().isEmpty()) {
            throw NotFoundException.of("Муниципалитет", municipalityId);
        }
        return results;
    }

    /** Without the schools kept: what the regional table needs. */
    public CampaignResults byMunicipality(CurrentUser user, long campaignId) {
        return compute(user, campaign(user, campaignId), null, false);
    }

    /**
     * Every participating school of the user's scope, pushed one by one in the order of the regional table
     * (for the workbook: nothing above the rows of one school is held).
     */
    public void forEachSchool(CurrentUser user, long campaignId, Consumer<SchoolResult> sink) {
        Campaign campaign = campaign(user, campaignId);
        Context context = context(user, campaign);
        Map<Long, BigDecimal[]> changes = changes(user.scope(), campaign, context, null);
        scores(user.scope(), campaign, context, null, null, changes, sink);
    }

    /**
     * Every participating school of the given scope with its result, without the comparison: for figures that other
     * modules add up. The user must be allowed to see the campaign's results; the scope may be wider than theirs.
     */
    public CampaignScores scores(CurrentUser user, Scope scope, long campaignId, Consumer<SchoolResult> sink) {
        Campaign campaign = campaign(user, campaignId);
        Context context = context(user, campaign);
        context.previous = null;
        scores(scope, campaign, context, null, null, Map.of(), sink);
        return new CampaignScores(context.campaign, context.preliminary, context.directions);
    }

    public record CampaignScores(CampaignView campaign, boolean preliminary, List<DirectionInfo> directions) {
    }

    /**
     * {@link #scores(CurrentUser, Scope, long, Consumer)} of several campaigns in one query (a school's every year):
     * each campaign's schools pushed to its own sink, in the order of its table. The user must be allowed to see
     * every campaign's results.
     */
    public Map<Long, CampaignScores> scores(CurrentUser user, Scope scope, List<Long> campaignIds,
                                            Function<Long, Consumer<SchoolResult>> sinks) {
        Map<Long, CampaignScores> shapes = new LinkedHashMap<>();
        Map<Long, SchoolRows> rowsOf = new HashMap<>();
        for (long id : campaignIds) {
            Campaign campaign = campaign(user, id);
            Context context = context(user, campaign);
            context.previous = null;
            Map<Long, Integer> directionIndex = new HashMap<>();
            for (int i = 0; i < context.directions.size(); i++) {
                directionIndex.put(context.directions.get(i).id(), i);
            }
            rowsOf.put(id, new SchoolRows(context, directionIndex, Map.of(), sinks.apply(id)));
            shapes.put(id, new CampaignScores(context.campaign, context.preliminary, context.directions));
        }
        if (rowsOf.isEmpty()) {
            return shapes;
        }
        List<Object> args = new ArrayList<>();
        args.add(rowsOf.keySet().toArray(Long[]::new));
        String where = "s.campaign_id = any (?)" + scope(scope, args);
        // a campaign's rows together, each in the order of its table, so that each campaign's rows build its schools
        jdbc.query("""
                select s.campaign_id, s.id, s.school_id, o.name, s.municipality_id, coalesce(m.short_name, m.name),
                       s.status, d.direction_id, d.earned
                from vsoko_submission s
                join directory_org_unit o on o.id = s.school_id
                left join directory_org_unit m on m.id = s.municipality_id
                left join vsoko_direction_score d on d.submission_id = s.id and s.status in""" + COUNTED + """
                 where\s""" + where + """
                \sorder by s.campaign_id, coalesce(m.short_name, m.name) nulls last, s.municipality_id, o.name, s.id""",
                rs -> {
                    long directionId = rs.getLong(8);
                    rowsOf.get(rs.getLong(1)).row(rs.getLong(2), rs.getLong(3), rs.getString(4),
                            (Long) rs.getObject(5, Long.class), rs.getString(6), SubmissionStatus.valueOf(rs.getString(7)),
                            rs.wasNull() ? null : directionId, rs.getBigDecimal(9));
                }, args.toArray());
        rowsOf.values().forEach(SchoolRows::flush);
        return shapes;
    }

    /** A participating school's level (null until its self-assessment is handed in). */
    public record SchoolLevel(long schoolId, Long municipalityId, SubmissionStatus status, Level level) {
    }

    /**
     * Every participating school of the scope with its level only, from the kept sums per submission (one query and
     * the framework's maximum): what figures above the schools need, without the directions. The level is decided
     * exactly as {@link #scores} decides it. The user must be allowed to see the campaign's results.
     */
    public CampaignView levels(CurrentUser user, Scope scope, long campaignId, Consumer<SchoolLevel> sink) {
        Campaign campaign = campaign(user, campaignId);
        FrameworkView framework = frameworkOf(campaign);
        FrameworkView view = framework;
        BigDecimal max = view.maxPoints();
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        String where = "s.campaign_id = ?" + scope(scope, args);
        jdbc.query("""
                select s.school_id, s.municipality_id, s.status, coalesce(sum(d.earned), 0)
                from vsoko_submission s
                left join vsoko_direction_score d on d.submission_id = s.id
                where\s""" + where + """
                \sgroup by s.id, s.school_id, s.municipality_id, s.status""", rs -> {
            SubmissionStatus status = SubmissionStatus.valueOf(rs.getString(3));
            sink.accept(new SchoolLevel(rs.getLong(1), rs.getObject(2, Long.class), status,
                    status.counted() ? score(framework, rs.getBigDecimal(4), max).level() : null));
        }, args.toArray());
        return CampaignView.of(campaign, view);
    }

    /** The directions of the campaign's framework, with their maximum points; and whether it is compared. */
    public Shape shape(CurrentUser user, long campaignId) {
        Campaign campaign = campaign(user, campaignId);
        return new Shape(directionsOf(frameworkOf(campaign)), previous(user, campaign) != null);
    }

    public record Shape(List<DirectionInfo> directions, boolean compared) {
    }

    /** A school's result with the indicators to improve first: the weakest directions first, in them the weakest. */
    public SchoolReport school(CurrentUser user, long campaignId, long schoolId) {
        Campaign campaign = campaign(user, campaignId);
        Context context = context(user, campaign);
        Map<Long, BigDecimal[]> changes = changes(user.scope(), campaign, context, null);
        List<SchoolResult> found = new ArrayList<>();
        scores(user.scope(), campaign, context, null, schoolId, changes, found::add);
        if (found.isEmpty()) {
            throw NotFoundException.of("Школа", schoolId);
        }
        SchoolResult result = found.getFirst();
        List<IndicatorResult> improve = result.hasResult() ? improveFirst(context, result) : List.of();
        return new SchoolReport(context.campaign, context.preliminary, context.directions, result, improve, context.comparison);
    }

    /** The school's indicators earning less than their maximum, weakest direction first, then weakest indicator. */
    private List<IndicatorResult> improveFirst(Context context, SchoolResult result) {
        record Value(BigDecimal value, BigDecimal expertValue, String expertComment, BigDecimal points) {
        }
        Map<Long, Value> byIndicator = new HashMap<>();
        jdbc.query("select indicator_id, value, expert_value, expert_comment, points from vsoko_value where submission_id = ?",
                rs -> {
                    byIndicator.put(rs.getLong(1), new Value(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                            rs.getBigDecimal(5)));
                }, result.submissionId());
        Map<Long, BigDecimal> directionPercent = new HashMap<>();
        Map<Long, DirectionInfo> directionById = new HashMap<>();
        for (int i = 0; i < context.directions.size(); i++) {
            DirectionInfo d = context.directions.get(i);
            directionById.put(d.id(), d);
            directionPercent.put(d.id(), exactPercent(result.directions().get(i).earned(), d.maxPoints()));
        }
        List<IndicatorResult> rows = new ArrayList<>();
        for (IndicatorView indicator : context.view.indicators()) {
            BigDecimal max = indicator.maxPoints();
            Value v = byIndicator.get(indicator.id());
            BigDecimal earned = v == null ? BigDecimal.ZERO : v.points();
            if (max.signum() == 0 || earned.compareTo(max) >= 0) {
                continue;
            }
            rows.add(new IndicatorResult(indicator, directionById.get(indicator.directionId()),
                    v == null || v.value() == null ? "нет ответа" : Answers.show(indicator, v.value()),
                    v == null || v.expertValue() == null ? null : Answers.show(indicator, v.expertValue()),
                    v == null ? null : v.expertComment(), earned, max));
        }
        rows.sort(Comparator
                .comparing((IndicatorResult r) -> directionPercent.get(r.direction().id()))
                .thenComparing(r -> exactPercent(r.earned(), r.max()))
                .thenComparing(r -> r.max().negate())
                .thenComparing(r -> r.indicator().position()));
        return rows.size() > 15 ? List.copyOf(rows.subList(0, 15)) : rows;
    }

    // ---------------------------------------------------------------------------------------------- computing

    /** What every computation of a campaign needs: the framework's shape and the comparison's indicators. */
    private static final class Context {
        CampaignView campaign;
        FrameworkView framework;
        FrameworkView view;
        boolean preliminary;
        List<DirectionInfo> directions;
        Campaign previous;
        Comparison comparison;
        Long[] currentMatched = new Long[0];
        Long[] previousMatched = new Long[0];
        BigDecimal currentMatchedMax = BigDecimal.ZERO;
        BigDecimal previousMatchedMax = BigDecimal.ZERO;
    }

    private Context context(CurrentUser user, Campaign campaign) {
        Context c = new Context();
        c.framework = frameworkOf(campaign);
        c.view = c.framework;
        c.campaign = CampaignView.of(campaign, c.view);
        c.preliminary = campaign.getStatus() != CampaignStatus.PUBLISHED;
        c.directions = directionsOf(c.view);
        Campaign previous = previous(user, campaign);
        if (previous != null) {
            Map<String, IndicatorView> before = new HashMap<>();
            for (IndicatorView i : frameworkOf(previous).indicators()) {
                before.put(i.code().strip().toLowerCase(), i);
            }
            List<Long> now = new ArrayList<>();
            List<Long> then = new ArrayList<>();
            for (IndicatorView i : c.framework.indicators()) {
                IndicatorView old = before.get(i.code().strip().toLowerCase());
                if (old != null) {
                    now.add(i.id());
                    then.add(old.id());
                    c.currentMatchedMax = c.currentMatchedMax.add(i.maxPoints());
                    c.previousMatchedMax = c.previousMatchedMax.add(old.maxPoints());
                }
            }
            c.previous = previous;
            c.currentMatched = now.toArray(Long[]::new);
            c.previousMatched = then.toArray(Long[]::new);
            c.comparison = new Comparison(previous.getId(), previous.getName(), now.size());
        }
        return c;
    }

    /** The previous campaign, when there is one the user may see the results of. */
    private Campaign previous(CurrentUser user, Campaign campaign) {
        if (campaign.getPreviousId() == null) {
            return null;
        }
        try {
            return campaign(user, campaign.getPreviousId());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static List<DirectionInfo> directionsOf(FrameworkView framework) {
        return framework.directions().stream()
                .map(d -> new DirectionInfo(d.id(), d.code(), d.name(), d.maxPoints()))
                .toList();
    }

    private CampaignResults compute(CurrentUser user, Campaign campaign, Long municipalityId, boolean keepSchools) {
        Context context = context(user, campaign);
        Map<Long, BigDecimal[]> changes = changes(user.scope(), campaign, context, municipalityId);
        Map<Long, Accumulator> areas = new LinkedHashMap<>();
        Accumulator total = new Accumulator(null, "Итого", context, changes);
        List<SchoolResult> schools = new ArrayList<>();
        scores(user.scope(), campaign, context, municipalityId, null, changes, school -> {
            areas.computeIfAbsent(school.municipalityId() == null ? 0L : school.municipalityId(),
                    k -> new Accumulator(school.municipalityId(),
                            school.municipalityName() == null ? "Без муниципалитета" : school.municipalityName(), context,
                            changes))
                    .add(school);
            total.add(school);
            if (keepSchools) {
                schools.add(school);
            }
        });
        // municipalities whose schools took part only in the previous campaign have no row: nothing to show now
        Map<Long, BigDecimal[]> previousByArea = previousByMunicipality(user.scope(), campaign, context, municipalityId);
        List<AreaResult> rows = areas.entrySet().stream()
                .map(e -> e.getValue().result(previousByArea.get(e.getKey())))
                .toList();
        BigDecimal[] previousTotal = previousByArea.values().stream()
                .reduce(new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO},
                        (a, b) -> new BigDecimal[]{a[0].add(b[0]), a[1].add(b[1])});
        return new CampaignResults(context.campaign, context.preliminary, context.directions, rows,
                total.result(context.previous == null || previousTotal[1].signum() == 0 ? null : previousTotal),
                schools, context.comparison);
    }

    /**
     * The per school scores: one query, a row per counted submission and direction (and one per submission not
     * handed in), in the order of the table.
     */
    private void scores(Scope scope, Campaign campaign, Context context, Long municipalityId, Long schoolId,
                        Map<Long, BigDecimal[]> changes, Consumer<SchoolResult> sink) {
        List<Object> args = new ArrayList<>();
        args.add(campaign.getId());
        StringBuilder where = new StringBuilder("s.campaign_id = ?").append(scope(scope, args));
        if (municipalityId != null) {
            where.append(" and s.municipality_id = ?");
            args.add(municipalityId);
        }
        if (schoolId != null) {
            where.append(" and s.school_id = ?");
            args.add(schoolId);
        }
        Map<Long, Integer> directionIndex = new HashMap<>();
        for (int i = 0; i < context.directions.size(); i++) {
            directionIndex.put(context.directions.get(i).id(), i);
        }
        SchoolRows rows = new SchoolRows(context, directionIndex, changes, sink);
        jdbc.query("""
                select s.id, s.school_id, o.name, s.municipality_id, coalesce(m.short_name, m.name), s.status,
                       d.direction_id, d.earned
                from vsoko_submission s
                join directory_org_unit o on o.id = s.school_id
                left join directory_org_unit m on m.id = s.municipality_id
                left join vsoko_direction_score d on d.submission_id = s.id and s.status in """ + COUNTED + """
                 where\s""" + where + """
                \sorder by coalesce(m.short_name, m.name) nulls last, s.municipality_id, o.name, s.id""",
                rs -> {
                    long directionId = rs.getLong(7);
                    rows.row(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                            rs.getString(5), SubmissionStatus.valueOf(rs.getString(6)),
                            rs.wasNull() ? null : directionId, rs.getBigDecimal(8));
                }, args.toArray());
        rows.flush();
    }

    /** Builds a school's result from its rows, one school at a time. */
    private final class SchoolRows {
        final Context context;
        final Map<Long, Integer> directionIndex;
        final Map<Long, BigDecimal[]> changes;
        final Consumer<SchoolResult> sink;
        long submissionId = -1;
        long schoolId;
        String schoolName;
        Long municipalityId;
        String municipalityName;
        SubmissionStatus status;
        BigDecimal[] earned;

        SchoolRows(Context context, Map<Long, Integer> directionIndex, Map<Long, BigDecimal[]> changes,
                   Consumer<SchoolResult> sink) {
            this.context = context;
            this.directionIndex = directionIndex;
            this.changes = changes;
            this.sink = sink;
        }

        void row(long submission, long school, String name, Long municipality, String municipalityName,
                 SubmissionStatus status, Long directionId, BigDecimal points) {
            if (submission != submissionId) {
                flush();
                this.submissionId = submission;
                this.schoolId = school;
                this.schoolName = name;
                this.municipalityId = municipality;
                this.municipalityName = municipalityName;
                this.status = status;
                this.earned = new BigDecimal[context.directions.size()];
                java.util.Arrays.fill(earned, BigDecimal.ZERO);
            }
            if (directionId != null && points != null) {
                Integer index = directionIndex.get(directionId);
                if (index != null) {
                    earned[index] = points;
                }
            }
        }

        void flush() {
            if (submissionId < 0) {
                return;
            }
            Score overall = null;
            List<Score> directions = List.of();
            Change change = null;
            if (status.counted()) {
                List<Score> list = new ArrayList<>();
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal max = BigDecimal.ZERO;
                for (int i = 0; i < earned.length; i++) {
                    BigDecimal dMax = context.directions.get(i).maxPoints();
                    list.add(score(context.framework, earned[i], dMax));
                    sum = sum.add(earned[i]);
                    max = max.add(dMax);
                }
                directions = List.copyOf(list);
                overall = score(context.framework, sum, max);
                if (context.previous != null) {
                    BigDecimal[] c = changes.get(submissionId);
                    BigDecimal previous = c == null ? null : c[1];
                    BigDecimal current = c == null ? null : c[0];
                    change = new Change(previous == null ? null : round(previous), current == null ? null : round(current),
                            previous == null ? null : context.framework.level(previous),
                            current == null ? null : context.framework.level(current));
                }
            }
            sink.accept(new SchoolResult(submissionId, schoolId, schoolName, municipalityId, municipalityName, status,
                    overall, directions, change));
            submissionId = -1;
        }
    }

    /**
     * Per counted submission of this campaign: {current, previous} exact scores on the shared indicators; the
     * previous is the same school's counted submission in the previous campaign. The points on the shared indicators
     * are kept per submission and paired campaign by the database (vsoko_matched_score, V17): one lookup, no values.
     */
    private Map<Long, BigDecimal[]> changes(Scope scope, Campaign campaign, Context context, Long municipalityId) {
        Map<Long, BigDecimal[]> result = new HashMap<>();
        if (context.previous == null || context.currentMatched.length == 0) {
            return result;
        }
        List<Object> args = new ArrayList<>(List.of(context.previous.getId(), context.previous.getId(), campaign.getId(),
                campaign.getId()));
        StringBuilder where = new StringBuilder("s.campaign_id = ? and s.status in " + COUNTED).append(scope(scope, args));
        if (municipalityId != null) {
            where.append(" and s.municipality_id = ?");
            args.add(municipalityId);
        }
        jdbc.query("""
                select s.id, coalesce(cur.earned, 0), coalesce(prv.earned, 0), p.id is not null
                from vsoko_submission s
                left join vsoko_matched_score cur on cur.submission_id = s.id and cur.pair_campaign_id = ?
                left join vsoko_submission p on p.campaign_id = ? and p.school_id = s.school_id and p.status in\s""" + COUNTED + """
                \sleft join vsoko_matched_score prv on prv.submission_id = p.id and prv.pair_campaign_id = ?
                where\s""" + where,
                rs -> {
                    BigDecimal current = exactPercent(rs.getBigDecimal(2), context.currentMatchedMax);
                    BigDecimal previous = rs.getBoolean(4)
                            ? exactPercent(rs.getBigDecimal(3), context.previousMatchedMax)
                            : null;
                    result.put(rs.getLong(1), new BigDecimal[]{current, previous});
                }, args.toArray());
        return result;
    }

    /** Per municipality of the previous campaign (within scope): {sum of exact scores on shared indicators, schools}. */
    private Map<Long, BigDecimal[]> previousByMunicipality(Scope scope, Campaign campaign, Context context,
                                                           Long municipalityId) {
        Map<Long, BigDecimal[]> result = new HashMap<>();
        if (context.previous == null || context.previousMatched.length == 0) {
            return result;
        }
        List<Object> args = new ArrayList<>();
        args.add(campaign.getId());
        args.add(context.previous.getId());
        StringBuilder where = new StringBuilder("s.campaign_id = ? and s.status in " + COUNTED).append(scope(scope, args));
        if (municipalityId != null) {
            where.append(" and s.municipality_id = ?");
            args.add(municipalityId);
        }
        jdbc.query("""
                select coalesce(s.municipality_id, 0), s.id, coalesce(ms.earned, 0)
                from vsoko_submission s
                left join vsoko_matched_score ms on ms.submission_id = s.id and ms.pair_campaign_id = ?
                where\s""" + where,
                rs -> {
                    BigDecimal[] sum = result.computeIfAbsent(rs.getLong(1),
                            k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                    sum[0] = sum[0].add(exactPercent(rs.getBigDecimal(3), context.previousMatchedMax));
                    sum[1] = sum[1].add(BigDecimal.ONE);
                }, args.toArray());
        return result;
    }

    /** Adds up the schools of one municipality (or of the whole scope). */
    private static final class Accumulator {
        final Long municipalityId;
        final String name;
        final Context context;
        final Map<Long, BigDecimal[]> changes;
        long participants;
        long withResult;
        final Map<Level, Long> counts = new EnumMap<>(Level.class);
        BigDecimal overallSum = BigDecimal.ZERO;
        final BigDecimal[] directionSums;
        BigDecimal changeSum = BigDecimal.ZERO;
        long changeCount;

        Accumulator(Long municipalityId, String name, Context context, Map<Long, BigDecimal[]> changes) {
            this.municipalityId = municipalityId;
            this.changes = changes;
            this.name = name;
            this.context = context;
            this.directionSums = new BigDecimal[context.directions.size()];
            java.util.Arrays.fill(directionSums, BigDecimal.ZERO);
            for (Level level : Level.values()) {
                counts.put(level, 0L);
            }
        }

        void add(SchoolResult school) {
            participants++;
            if (!school.hasResult()) {
                return;
            }
            withResult++;
            counts.merge(school.level(), 1L, Long::sum);
            overallSum = overallSum.add(exactPercent(school.overall().earned(), school.overall().max()));
            for (int i = 0; i < directionSums.length; i++) {
                Score s = school.directions().get(i);
                directionSums[i] = directionSums[i].add(exactPercent(s.earned(), s.max()));
            }
            BigDecimal[] c = changes.get(school.submissionId());
            if (c != null && c[0] != null) {
                changeSum = changeSum.add(c[0]);
                changeCount++;
            }
        }

        AreaResult result(BigDecimal[] previous) {
            BigDecimal n = BigDecimal.valueOf(withResult);
            BigDecimal average = withResult == 0 ? null : round(overallSum.divide(n, 10, RoundingMode.HALF_UP));
            List<DirectionAverage> averages = new ArrayList<>();
            for (int i = 0; i < directionSums.length; i++) {
                averages.add(new DirectionAverage(context.directions.get(i),
                        withResult == 0 ? null : round(directionSums[i].divide(n, 10, RoundingMode.HALF_UP))));
            }
            List<DirectionAverage> weakest = withResult == 0 || averages.size() < 2 ? List.of()
                    : averages.stream().sorted(Comparator.comparing(DirectionAverage::percent)
                    .thenComparing(a -> a.direction().code())).limit(2).toList();
            Change change = null;
            if (context.previous != null) {
                BigDecimal before = previous == null || previous[1].signum() == 0 ? null
                        : previous[0].divide(previous[1], 10, RoundingMode.HALF_UP);
                BigDecimal now = changeCount == 0 ? null
                        : changeSum.divide(BigDecimal.valueOf(changeCount), 10, RoundingMode.HALF_UP);
                change = new Change(before == null ? null : round(before), now == null ? null : round(now),
                        before == null ? null : context.framework.level(before),
                        now == null ? null : context.framework.level(now));
            }
            return new AreaResult(municipalityId, name, participants, withResult, new EnumMap<>(counts), average,
                    List.copyOf(averages), weakest, change);
        }
    }

    // ---------------------------------------------------------------------------------------------- arithmetic

    private static String scope(Scope scope, List<Object> args) {
        return " and " + scope.toSql("s.region_id", "s.municipality_id", "s.school_id", args);
    }

    /**
     * The score of {@code earned} of {@code max}: shown with one decimal, the level judged on the exact share so that
     * 74.99 % stays below a 75 % threshold even though it is shown as 75,0.
     */
    static Score score(FrameworkView framework, BigDecimal earned, BigDecimal max) {
        BigDecimal exact = exactPercent(earned, max);
        return new Score(earned, max, round(exact), framework.level(exact));
    }

    /** The share in per cent, exact enough for comparing with a threshold; a maximum of 0 counts as fully met. */
    static BigDecimal exactPercent(BigDecimal earned, BigDecimal max) {
        if (max == null || max.signum() == 0) {
            return HUNDRED;
        }
        return earned.multiply(HUNDRED).divide(max, 10, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return round(exactPercent(part, whole));
    }

    static BigDecimal round(BigDecimal exact) {
        return exact.setScale(1, RoundingMode.HALF_UP);
    }

}
