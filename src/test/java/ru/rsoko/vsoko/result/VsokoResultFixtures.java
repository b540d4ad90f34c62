package ru.rsoko.vsoko.result;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.support.Fixtures;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignRepository;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.framework.Direction;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.vsoko.framework.IndicatorOption;
import ru.rsoko.vsoko.framework.ValueType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ВСОКО data of the results tests, independent of the demo data: frameworks with indicators of every type,
 * campaigns in a chosen status, submissions and values written as the application writes them (points are
 * {@link Indicator#pointsFor} of the counted value, the expert's when there is one).
 */
public class VsokoResultFixtures {

    public static final List<String> SONKOVO_SCHOOLS = List.of("МОУ «Берёзовская СОШ»", "МОУ «Заречная СОШ»",
            "МОУ «Лесновская СОШ»", "МОУ «Полевая ООШ»", "МОУ «Сосновская СОШ»", "МОУ «Озёрная ООШ»", "МОУ «Луговская НОШ»");
    public static final List<String> KALININ_SCHOOLS = List.of("МОУ «Ручьёвская СОШ»", "МОУ «Кленовская СОШ»",
            "МОУ «Рябиновская СОШ»");

    private final FrameworkRepository frameworks;
    private final CampaignRepository campaigns;
    private final JdbcTemplate jdbc;
    private final Fixtures fixtures;
    private final UserDetailsService users;

    public VsokoResultFixtures(FrameworkRepository frameworks, CampaignRepository campaigns, JdbcTemplate jdbc,
                               Fixtures fixtures, UserDetailsService users) {
        this.frameworks = frameworks;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.users = users;
    }

    public CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    public OrgUnit org(String name) {
        return fixtures.org(name);
    }

    public long tver() {
        return org("Тверская область").id();
    }

    /** One direction «Т» with one percentage indicator «T1» worth 100 points: a value is its own score. */
    public Framework thresholds() {
        Framework f = new Framework(tver(), Fixtures.unique("Пороги"), 2022);
        f.addDirection("Т", "Проверка порогов").addIndicator("T1", "Доля выполнения", ValueType.PERCENT, new BigDecimal("100"));
        return frameworks.saveAndFlush(f);
    }

    /**
     * Direction «Н1» (max 24): Y1 да/нет 4; N1 число 6 с целью 3; N2 число 2 без цели; P1 процент 8; C1 выбор
     * (нет 0 / частично 1 / полностью 4). Direction «Н2» (max 16): Y2 да/нет 10; P2 процент 6. Total 40.
     */
    public Framework typed() {
        Framework f = new Framework(tver(), Fixtures.unique("Все типы"), 2022);
        Direction d1 = f.addDirection("Н1", "Система оценки качества подготовки обучающихся");
        d1.addIndicator("Y1", "Есть положение о ВСОКО", ValueType.YES_NO, new BigDecimal("4"));
        d1.addIndicator("N1", "Число процедур оценки", ValueType.NUMBER, new BigDecimal("6")).setTarget(new BigDecimal("3"));
        d1.addIndicator("N2", "Число публикаций", ValueType.NUMBER, new BigDecimal("2"));
        d1.addIndicator("P1", "Доля учителей, прошедших обучение", ValueType.PERCENT, new BigDecimal("8"));
        Indicator c1 = d1.addIndicator("C1", "Анализ результатов ВПР", ValueType.CHOICE, new BigDecimal("0"));
        c1.getOptions().add(new IndicatorOption("нет", new BigDecimal("0")));
        c1.getOptions().add(new IndicatorOption("частично", new BigDecimal("1")));
        c1.getOptions().add(new IndicatorOption("полностью", new BigDecimal("4")));
        Direction d2 = f.addDirection("Н2", "Внутришкольная система профилактики учебной неуспешности");
        d2.addIndicator("Y2", "Есть программа профилактики", ValueType.YES_NO, new BigDecimal("10"));
        d2.addIndicator("P2", "Доля охваченных обучающихся", ValueType.PERCENT, new BigDecimal("6"));
        return frameworks.saveAndFlush(f);
    }

    /** A previous year's framework sharing Y1 and P1 (by code, in another case) with {@link #typed()}. */
    public Framework previousYear() {
        Framework f = new Framework(tver(), Fixtures.unique("Прошлый год"), 2021);
        Direction d = f.addDirection("Н1", "Система оценки качества подготовки обучающихся");
        d.addIndicator("y1", "Есть положение о ВСОКО", ValueType.YES_NO, new BigDecimal("4"));
        d.addIndicator("P1", "Доля учителей, прошедших обучение", ValueType.PERCENT, new BigDecimal("8"));
        d.addIndicator("OLD1", "Показатель, которого больше нет", ValueType.YES_NO, new BigDecimal("5"));
        return frameworks.saveAndFlush(f);
    }

    public Campaign campaign(Framework framework, CampaignStatus status, Campaign previous) {
        Campaign c = new Campaign(framework.getRegionId(), Fixtures.unique("Изучение ВСОКО"), framework.getYear(), framework,
                LocalDate.of(framework.getYear(), 10, 1), LocalDate.of(framework.getYear(), 10, 31));
        if (previous != null) {
            c.setPreviousId(previous.getId());
        }
        long id = campaigns.saveAndFlush(c).getId();
        // a campaign's status moves by the service's rules; here it is set as the test needs it
        jdbc.update("update vsoko_campaign set status = ? where id = ?", status.name(), id);
        return campaigns.findById(id).orElseThrow();
    }

    public void status(Campaign campaign, CampaignStatus status) {
        jdbc.update("update vsoko_campaign set status = ?, version = version + 1 where id = ?", status.name(), campaign.getId());
    }

    /** A school's submission with values by indicator code; returns the submission id. */
    public long submission(Campaign campaign, Framework framework, String school, SubmissionStatus status,
                           Map<String, String> values) {
        OrgUnit unit = org(school);
        Long id = jdbc.queryForObject("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                values (?, ?, ?, ?, ?) returning id""", Long.class,
                campaign.getId(), unit.id(), unit.regionId(), unit.municipalityId(), status.name());
        values.forEach((code, value) -> {
            Indicator indicator = framework.indicator(code).orElseThrow();
            BigDecimal v = value == null ? null : new BigDecimal(value);
            jdbc.update("""
                    insert into vsoko_value (submission_id, indicator_id, value, points, updated_by)
                    values (?, ?, ?, ?, 'test')""", id, indicator.getId(), v, indicator.pointsFor(v));
        });
        return id;
    }

    /** An expert's correction: kept beside the school's value, and the points become those of the correction. */
    public void correct(long submissionId, Framework framework, String code, String expertValue, String comment) {
        Indicator indicator = framework.indicator(code).orElseThrow();
        BigDecimal v = new BigDecimal(expertValue);
        int updated = jdbc.update("""
                update vsoko_value set expert_value = ?, expert_comment = ?, expert_by = 'tver.coko', expert_at = now(),
                       points = ? where submission_id = ? and indicator_id = ?""",
                v, comment, indicator.pointsFor(v), submissionId, indicator.getId());
        if (updated == 0) {
            jdbc.update("""
                    insert into vsoko_value (submission_id, indicator_id, expert_value, expert_comment, points, updated_by)
                    values (?, ?, ?, ?, ?, 'tver.coko')""", submissionId, indicator.getId(), v, comment,
                    indicator.pointsFor(v));
        }
    }

    public static Map<String, String> values(String... codeValue) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codeValue.length; i += 2) {
            map.put(codeValue[i], codeValue[i + 1]);
        }
        return map;
    }
}
