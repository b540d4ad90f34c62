package ru.rsoko.vsoko.campaign;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.framework.Direction;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkService;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.vsoko.framework.IndicatorOption;
import ru.rsoko.vsoko.framework.ValueType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Tver ВСОКО studies of 2021 and 2022 (published) on sample frameworks with invented wording, and the 2023
 * study under way, where the director of Берёзовская СОШ has begun the self-assessment. Values are drawn from a
 * fixed seed so that every figure is the same on every start; each school aims at a level and the draw is
 * repeated until its score lands there, so Сонковский округ is «сформирована» throughout and Калининский is mixed.
 */
@Component
public class VsokoDemoData implements DemoDataSet {

    public static final String FRAMEWORK_2022 = "Показатели эффективности ВСОКО, 2022 (образец)";
    public static final String FRAMEWORK_2021 = "Показатели эффективности ВСОКО, 2021 (образец)";
    public static final String FRAMEWORK_2023 = "Показатели эффективности ВСОКО, 2023 (образец)";
    static final int[] COUNTS_2022 = {20, 23, 18, 33, 28, 67};
    static final int[] COUNTS_2021 = {20, 23, 18, 33, 28, 55};
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final List<IndicatorOption> OPTIONS = List.of(new IndicatorOption("да, в полном объёме", new BigDecimal("2")),
            new IndicatorOption("частично", new BigDecimal("1")), new IndicatorOption("нет", new BigDecimal("0")));

    /** Levels the 2022 scores aim at, by school; a school not named is «частично». */
    static final Map<String, Level> AIM = Map.ofEntries(
            Map.entry("МОУ «Ручьёвская СОШ»", Level.FORMED),
            Map.entry("МОУ «Кленовская СОШ»", Level.PARTIAL),
            Map.entry("МОУ «Рябиновская СОШ»", Level.NOT_FORMED),
            Map.entry("МОУ «Дубровская СОШ»", Level.FORMED),
            Map.entry("МОУ «Светлая ООШ»", Level.PARTIAL),
            Map.entry("МОУ «Ольховская ООШ»", Level.NOT_FORMED),
            Map.entry("МОУ «Васильковская СОШ»", Level.PARTIAL),
            Map.entry("МОУ «Средняя школа № 101»", Level.FORMED),
            Map.entry("МОУ «Средняя школа № 102»", Level.PARTIAL),
            Map.entry("МОУ «Гимназия № 103»", Level.FORMED),
            Map.entry("МОУ «Лицей № 104»", Level.FORMED),
            Map.entry("МОУ «Бежецкая СОШ № 21»", Level.FORMED),
            Map.entry("МОУ «Крутецкая СОШ»", Level.PARTIAL),
            Map.entry("МОУ «Гороховская ООШ»", Level.NOT_FORMED),
            Map.entry("МОУ «Кашинская СОШ № 31»", Level.PARTIAL),
            Map.entry("МОУ «Славковская ООШ»", Level.FORMED));
    /** The Kalinin school that did not hand in its 2022 self-assessment. */
    private static final String NOT_SUBMITTED_2022 = "МОУ «Родниковская СОШ»";
    static final String SONKOVO = DemoOrganisations.SONKOVO;
    private static final String STARTED_2023 = DemoOrganisations.SONKOVO_SCHOOL;
    /**
     * The demo directors' accounts (of the accounts' demo data) by school: their names sign the schools' history; a
     * school without one signs as «director.&lt;id&gt;».
     */
    private static final Map<String, String> DIRECTORS = Map.of(DemoOrganisations.SONKOVO_SCHOOL, "sonkovo.school",
            DemoOrganisations.KALININ_SCHOOL, "kalinin.school");

    record School(long id, String name, long municipalityId, String municipality, String username) {
    }

    private final EntityManager em;
    private final JdbcTemplate jdbc;

    VsokoDemoData(EntityManager em, JdbcTemplate jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "vsoko";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        List<Long> regions = jdbc.queryForList("select id from directory_org_unit where type = 'REGION' and name = ?",
                Long.class, DemoOrganisations.TVER);
        if (regions.isEmpty()) {
            return;
        }
        long tver = regions.getFirst();
        Framework f2021 = framework(tver, FRAMEWORK_2021, 2021, COUNTS_2021, null);
        Framework f2022 = framework(tver, FRAMEWORK_2022, 2022, COUNTS_2022, f2021.getId());
        Framework f2023 = FrameworkService.copyOf(f2022, FRAMEWORK_2023, 2023);
        em.persist(f2023);
        em.flush();

        Campaign c2021 = campaign(tver, "Исследование эффективности ВСОКО, 2021", 2021, f2021,
                LocalDate.of(2021, 10, 4), LocalDate.of(2021, 10, 29), CampaignStatus.PUBLISHED, null);
        Campaign c2022 = campaign(tver, "Исследование эффективности ВСОКО, 2022", 2022, f2022,
                LocalDate.of(2022, 10, 3), LocalDate.of(2022, 10, 31), CampaignStatus.PUBLISHED, c2021);
        Campaign c2023 = campaign(tver, "Исследование эффективности ВСОКО, 2023", 2023, f2023,
                LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 31), CampaignStatus.OPEN, c2022);
        em.flush();

        List<School> schools = schools(tver);
        Random random = new Random(20221003L);
        List<Object[]> values = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (int s = 0; s < schools.size(); s++) {
            School school = schools.get(s);
            Level aim = school.municipality().equals(SONKOVO) ? Level.FORMED : AIM.getOrDefault(school.name(), Level.PARTIAL);
            double target2022 = centre(aim) + (random.nextDouble() - 0.5) * 8;

            Instant submitted2021 = at(LocalDate.of(2021, 10, 11 + s % 15));
            long sub2021 = submission(c2021, school, SubmissionStatus.ACCEPTED, submitted2021);
            values(sub2021, f2021, target2022 - 9, school, submitted2021, random, values);
            events(sub2021, school, submitted2021, true, events);

            if (school.name().equals(NOT_SUBMITTED_2022)) {
                submission(c2022, school, SubmissionStatus.NOT_STARTED, null);
            } else {
                Instant submitted2022 = at(LocalDate.of(2022, 10, 10 + s % 18));
                boolean accepted = s % 4 != 3;
                long sub2022 = submission(c2022, school, accepted ? SubmissionStatus.ACCEPTED : SubmissionStatus.SUBMITTED, submitted2022);
                values(sub2022, f2022, target2022, school, submitted2022, random, values);
                events(sub2022, school, submitted2022, accepted, events);
            }

            if (school.name().equals(STARTED_2023)) {
                long sub2023 = submission(c2023, school, SubmissionStatus.IN_PROGRESS, null);
                Instant saved = at(LocalDate.of(2023, 10, 5));
                jdbc.update("update vsoko_submission set updated_at = ?, updated_by = ? where id = ?",
                        Timestamp.from(saved), school.username(), sub2023);
                List<Indicator> first = f2023.getDirections().getFirst().getIndicators().subList(0, 10);
                for (Indicator indicator : first) {
                    BigDecimal value = value(indicator, 0.9, random);
                    values.add(row(sub2023, indicator, value, school, saved));
                }
                events.add(new Object[]{sub2023, Timestamp.from(saved), school.username(), "SAVED",
                        "Заполнены показатели 1.01–1.10"});
            } else {
                submission(c2023, school, SubmissionStatus.NOT_STARTED, null);
            }
        }
        insertValues(values);
        jdbc.batchUpdate("insert into vsoko_submission_event (submission_id, at, username, action, detail) values (?, ?, ?, ?, ?)",
                events);
    }

    /**
     * The rows of {@link #row} in one statement: the summary triggers of vsoko_value (V9, V17) run once per statement,
     * so a JDBC batch of 20,000 single-row inserts ran them 20,000 times (most of a first start's demo load); one
     * insert of many rows, as an import makes, runs them once with the same result.
     */
    void insertValues(List<Object[]> values) {
        if (values.isEmpty()) {
            return;
        }
        int n = values.size();
        Long[] submissions = new Long[n];
        Long[] indicators = new Long[n];
        String[] numbers = new String[n];
        String[] evidence = new String[n];
        String[] points = new String[n];
        String[] at = new String[n];
        String[] by = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] row = values.get(i);
            submissions[i] = (Long) row[0];
            indicators[i] = (Long) row[1];
            numbers[i] = row[2] == null ? null : ((BigDecimal) row[2]).toPlainString();
            evidence[i] = (String) row[3];
            points[i] = ((BigDecimal) row[4]).toPlainString();
            at[i] = ((Timestamp) row[5]).toInstant().toString();
            by[i] = (String) row[6];
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    insert into vsoko_value (submission_id, indicator_id, value, evidence_url, points, updated_at, updated_by)
                    select v.s, v.i, v.val::numeric, v.e, v.p::numeric, v.a::timestamptz, v.b
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as v(s, i, val, e, p, a, b, n)
                    order by v.n""")) {
                insert.setArray(1, connection.createArrayOf("bigint", submissions));
                insert.setArray(2, connection.createArrayOf("bigint", indicators));
                insert.setArray(3, connection.createArrayOf("text", numbers));
                insert.setArray(4, connection.createArrayOf("text", evidence));
                insert.setArray(5, connection.createArrayOf("text", points));
                insert.setArray(6, connection.createArrayOf("text", at));
                insert.setArray(7, connection.createArrayOf("text", by));
                return insert.executeUpdate();
            }
        });
    }

    private Framework framework(long region, String name, int year, int[] counts, Long basedOn) {
        Framework framework = new Framework(region, name, year);
        framework.setBasedOnId(basedOn);
        framework.setSample(true);
        framework.setFormedFrom(new BigDecimal("75.00"));
        framework.setPartialFrom(new BigDecimal("50.00"));
        for (int d = 0; d < counts.length; d++) {
            Direction direction = framework.addDirection(String.valueOf(d + 1), VsokoDemoWording.DIRECTIONS.get(d));
            for (int n = 0; n < counts[d]; n++) {
                String statement = VsokoDemoWording.statement(d, n);
                String code = (d + 1) + "." + String.format("%02d", n + 1);
                int bar = statement.indexOf('|');
                String marker = bar < 0 ? "" : statement.substring(0, bar);
                String wording = statement.substring(bar + 1);
                Indicator indicator;
                if (marker.equals("П")) {
                    indicator = direction.addIndicator(code, wording + ", %", ValueType.PERCENT, new BigDecimal("2"));
                } else if (marker.startsWith("Ч")) {
                    indicator = direction.addIndicator(code, wording, ValueType.NUMBER, new BigDecimal("2"));
                    indicator.setTarget(new BigDecimal(marker.substring(1)));
                } else if (marker.equals("В")) {
                    indicator = direction.addIndicator(code, wording, ValueType.CHOICE, new BigDecimal("2"));
                    for (IndicatorOption o : OPTIONS) {
                        indicator.getOptions().add(new IndicatorOption(o.getLabel(), o.getPoints()));
                    }
                } else {
                    indicator = direction.addIndicator(code, wording, ValueType.YES_NO, BigDecimal.ONE);
                    indicator.setEvidenceRequired(wording.startsWith("Утвержд") || wording.contains("сайте")
                            || wording.contains("протокол"));
                }
            }
        }
        em.persist(framework);
        em.flush();
        return framework;
    }

    Campaign campaign(long region, String name, int year, Framework framework, LocalDate opens, LocalDate closes,
                              CampaignStatus status, Campaign previous) {
        Campaign campaign = new Campaign(region, name, year, framework, opens, closes);
        campaign.setStatus(status);
        if (status == CampaignStatus.PUBLISHED) {
            campaign.setPublishedAt(at(closes.plusDays(20)));
        }
        if (previous != null) {
            campaign.setPreviousId(previous.getId());
        }
        em.persist(campaign);
        return campaign;
    }

    List<School> schools(long region) {
        return jdbc.query("""
                select s.id, s.name, m.id, m.name from directory_org_unit s join directory_org_unit m on m.id = s.municipality_id
                where s.region_id = ? and s.type = 'SCHOOL' and s.active order by m.name, s.name""",
                (rs, i) -> new School(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        DIRECTORS.getOrDefault(rs.getString(2), "director." + rs.getLong(1))), region);
    }

    long submission(Campaign campaign, School school, SubmissionStatus status, Instant submitted) {
        Timestamp at = submitted == null ? null : Timestamp.from(submitted);
        Timestamp accepted = status == SubmissionStatus.ACCEPTED ? Timestamp.from(submitted.plusSeconds(3 * 86400)) : null;
        return jdbc.queryForObject("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status, submitted_at,
                    accepted_at, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                campaign.getId(), school.id(), campaign.getRegionId(), school.municipalityId(), status.name(), at, accepted,
                at, submitted == null ? null : school.username());
    }

    /** Values whose score lands within 3 points of the aimed share: the draw is repeated with a corrected effort. */
    void values(long submissionId, Framework framework, double aimPercent, School school, Instant at, Random random,
                        List<Object[]> into) {
        List<Indicator> indicators = framework.indicators();
        BigDecimal max = framework.maxPoints();
        double effort = aimPercent / 100;
        List<BigDecimal> best = null;
        double bestMiss = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 40 && bestMiss > 3; attempt++) {
            List<BigDecimal> drawn = new ArrayList<>(indicators.size());
            BigDecimal earned = BigDecimal.ZERO;
            for (Indicator indicator : indicators) {
                BigDecimal value = value(indicator, effort, random);
                drawn.add(value);
                earned = earned.add(indicator.pointsFor(value));
            }
            double percent = earned.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP).doubleValue();
            double miss = Math.abs(percent - aimPercent);
            if (miss < bestMiss) {
                bestMiss = miss;
                best = drawn;
            }
            effort = Math.max(0.02, Math.min(1, effort + (aimPercent - percent) / 100));
        }
        for (int i = 0; i < indicators.size(); i++) {
            into.add(row(submissionId, indicators.get(i), best.get(i), school, at));
        }
    }

    static Object[] row(long submissionId, Indicator indicator, BigDecimal value, School school, Instant at) {
        String evidence = indicator.isEvidenceRequired() && value.signum() > 0
                ? "https://school" + school.id() + ".example.ru/sveden/vsoko/" + indicator.getCode() : null;
        return new Object[]{submissionId, indicator.getId(), value, evidence, indicator.pointsFor(value),
                Timestamp.from(at == null ? Instant.parse("2023-10-05T07:00:00Z") : at), school.username()};
    }

    static BigDecimal value(Indicator indicator, double effort, Random random) {
        return switch (indicator.getValueType()) {
            case YES_NO -> random.nextDouble() < effort ? BigDecimal.ONE : BigDecimal.ZERO;
            case PERCENT -> BigDecimal.valueOf(Math.round(Math.max(0, Math.min(100, 100 * effort + random.nextGaussian() * 8))));
            case NUMBER -> BigDecimal.valueOf(Math.max(0, Math.round(indicator.getTarget().doubleValue()
                    * (effort + random.nextGaussian() * 0.15))));
            case CHOICE -> {
                double r = random.nextDouble();
                yield BigDecimal.valueOf(r < effort ? 1 : r < effort + (1 - effort) / 2 ? 2 : 3);
            }
        };
    }

    static void events(long submissionId, School school, Instant submitted, boolean accepted, List<Object[]> into) {
        into.add(new Object[]{submissionId, Timestamp.from(submitted), school.username(), "SUBMITTED", null});
        if (accepted) {
            into.add(new Object[]{submissionId, Timestamp.from(submitted.plusSeconds(3 * 86400)), "tver.coko", "ACCEPTED", null});
        }
    }

    static double centre(Level level) {
        return switch (level) {
            case FORMED -> 86;
            case PARTIAL -> 63;
            case NOT_FORMED -> 40;
        };
    }

    static Instant at(LocalDate date) {
        return date.atTime(LocalTime.of(11, 30)).atZone(MOSCOW).toInstant();
    }
}
