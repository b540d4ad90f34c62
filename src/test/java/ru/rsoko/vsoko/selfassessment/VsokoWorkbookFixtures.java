package ru.rsoko.vsoko.selfassessment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Direction;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.vsoko.framework.IndicatorOption;
import ru.rsoko.vsoko.framework.ValueType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frameworks and open campaigns for the workbook tests, made through the application's own repositories and
 * services (the demo data of ВСОКО is not relied on), and a whole test region of many schools made with plain JDBC.
 */
final class VsokoWorkbookFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final FrameworkRepository frameworks;
    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;
    private final UserDetailsService users;

    VsokoWorkbookFixtures(FrameworkRepository frameworks, CampaignService campaigns, JdbcTemplate jdbc, UserDetailsService users) {
        this.frameworks = frameworks;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.users = users;
    }

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /**
     * A small framework with an indicator of each kind: Н1.1 yes/no (2 points, link required), Н1.2 number (4 points
     * at 10 or more), Н2.1 percentage (5 points at 100 %), Н2.2 choice (нет 0 / частично 1 / да 3).
     */
    Framework smallFramework(long regionId) {
        Framework framework = new Framework(regionId, "Тестовый набор для Excel " + SEQUENCE.incrementAndGet(), 2022);
        framework.setSample(true);
        Direction first = framework.addDirection("Н1", "Система оценки качества подготовки обучающихся");
        first.addIndicator("Н1.1", "Положение о ВСОКО утверждено и размещено на сайте", ValueType.YES_NO, new BigDecimal("2"))
                .setEvidenceRequired(true);
        first.addIndicator("Н1.2", "Число проведённых внутренних оценочных процедур", ValueType.NUMBER, new BigDecimal("4"))
                .setTarget(new BigDecimal("10"));
        Direction second = framework.addDirection("Н2", "Система профилактики учебной неуспешности");
        second.addIndicator("Н2.1", "Доля обучающихся с индивидуальными планами", ValueType.PERCENT, new BigDecimal("5"));
        Indicator choice = second.addIndicator("Н2.2", "Программа работы с ШНОР", ValueType.CHOICE, BigDecimal.ZERO);
        choice.getOptions().add(new IndicatorOption("нет", new BigDecimal("0")));
        choice.getOptions().add(new IndicatorOption("частично", new BigDecimal("1")));
        choice.getOptions().add(new IndicatorOption("да", new BigDecimal("3")));
        return frameworks.save(framework);
    }

    /** A framework of {@code directions} × {@code perDirection} indicators of the four kinds in turn. */
    Framework bigFramework(long regionId, int directions, int perDirection) {
        Framework framework = new Framework(regionId, "Большой набор " + SEQUENCE.incrementAndGet(), 2022);
        for (int d = 1; d <= directions; d++) {
            Direction direction = framework.addDirection("Н" + d, "Направление " + d);
            for (int i = 1; i <= perDirection; i++) {
                ValueType type = ValueType.values()[(d * perDirection + i) % ValueType.values().length];
                Indicator indicator = direction.addIndicator("Н" + d + "." + i, "Показатель " + d + "." + i, type,
                        new BigDecimal("3"));
                if (type == ValueType.NUMBER) {
                    indicator.setTarget(new BigDecimal("20"));
                }
                if (type == ValueType.CHOICE) {
                    indicator.getOptions().add(new IndicatorOption("нет", BigDecimal.ZERO));
                    indicator.getOptions().add(new IndicatorOption("частично", new BigDecimal("1.5")));
                    indicator.getOptions().add(new IndicatorOption("да", new BigDecimal("3")));
                }
                indicator.setEvidenceRequired(i % 3 == 0);
            }
        }
        return frameworks.save(framework);
    }

    /** An open campaign of all the region's schools on the framework, made by {@code regionUser}. */
    CampaignView openCampaign(String regionUser, Framework framework) {
        return openCampaign(user(regionUser), framework);
    }

    CampaignView openCampaign(CurrentUser keeper, Framework framework) {
        CampaignView campaign = campaigns.create(keeper, new CampaignService.CampaignForm(
                "Изучение ВСОКО (тест Excel) " + SEQUENCE.incrementAndGet(), 2022, framework.getId(),
                LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 31), true, null, null, null));
        return campaigns.changeStatus(keeper, campaign.id(), CampaignStatus.OPEN, campaign.version());
    }

    /** A test region with {@code municipalities} municipalities of {@code schoolsEach} schools, inserted in batches. */
    record TestRegion(long regionId, List<Long> schoolIds) {
    }

    TestRegion region(int municipalities, int schoolsEach) {
        long n = SEQUENCE.incrementAndGet();
        long regionId = nextId();
        jdbc.update("""
                insert into org_unit (id, type, name, region_id, time_zone) values (?, 'REGION', ?, ?, 'Europe/Moscow')""",
                regionId, "Тестовая область " + n, regionId);
        List<Long> schools = new ArrayList<>();
        for (int m = 1; m <= municipalities; m++) {
            long municipalityId = nextId();
            jdbc.update("""
                    insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                    values (?, 'MUNICIPALITY', ?, ?, ?, ?)""", municipalityId, "Район " + m + " (" + n + ")", regionId,
                    regionId, municipalityId);
            List<Object[]> rows = new ArrayList<>();
            for (int s = 1; s <= schoolsEach; s++) {
                long schoolId = nextId();
                schools.add(schoolId);
                rows.add(new Object[]{schoolId, "МОУ «СОШ № " + s + "» района " + m + " (" + n + ")", municipalityId, regionId,
                        municipalityId});
            }
            jdbc.batchUpdate("""
                    insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                    values (?, 'SCHOOL', ?, ?, ?, ?)""", rows);
        }
        return new TestRegion(regionId, schools);
    }

    private long nextId() {
        return jdbc.queryForObject("select nextval('org_unit_id_seq')", Long.class);
    }
}
