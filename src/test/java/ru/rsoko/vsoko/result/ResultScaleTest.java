package ru.rsoko.vsoko.result;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignRepository;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.framework.Direction;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;
import ru.rsoko.vsoko.framework.ValueType;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region at the scale the product is built for: 2,000 schools in 70 municipalities, 189 indicators each. The
 * regional report must open at once. All of it is rolled back at the end.
 */
@IntegrationTest
@Transactional
class ResultScaleTest {

    @Autowired
    ResultService results;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserDetailsService users;

    @Test
    void theRegionalReportOf2000SchoolsAnd189IndicatorsTakesUnderTwoSeconds() {
        VsokoResultFixtures vsoko = new VsokoResultFixtures(frameworks, campaigns, jdbc, fixtures, users);
        long tver = vsoko.tver();
        Framework f = new Framework(tver, Fixtures.unique("Масштаб"), 2022);
        int[] sizes = {20, 23, 18, 33, 28, 67};
        for (int d = 0; d < sizes.length; d++) {
            Direction direction = f.addDirection("Н" + (d + 1), "Направление " + (d + 1));
            for (int i = 0; i < sizes[d]; i++) {
                direction.addIndicator((d + 1) + "." + (i + 1), "Показатель", ValueType.YES_NO, BigDecimal.ONE);
            }
        }
        f = frameworks.saveAndFlush(f);
        Campaign c = vsoko.campaign(f, CampaignStatus.CLOSED, null);
        jdbc.update("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                select nextval('org_unit_id_seq'), 'MUNICIPALITY', 'Масштабный округ ' || g || ' ' || ?, ?, ?, null
                from generate_series(1, 70) g""", c.getId(), tver, tver);
        jdbc.update("update org_unit set municipality_id = id where name like 'Масштабный округ % ' || ?", c.getId().toString());
        jdbc.update("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                select nextval('org_unit_id_seq'), 'SCHOOL', 'Масштабная школа ' || g, m.id, ?, m.id
                from org_unit m cross join generate_series(1, 29) g
                where m.name like 'Масштабный округ % ' || ?""", tver, c.getId().toString());
        jdbc.update("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                select ?, o.id, o.region_id, o.municipality_id, 'SUBMITTED' from org_unit o
                join org_unit m on m.id = o.municipality_id
                where o.type = 'SCHOOL' and m.name like 'Масштабный округ % ' || ?""", c.getId(), c.getId().toString());
        jdbc.update("""
                insert into vsoko_value (submission_id, indicator_id, value, points, updated_by)
                select s.id, i.id, v, v, 'test'
                from vsoko_submission s cross join vsoko_indicator i
                cross join lateral (select case when (s.id + i.id) % 4 = 0 then 0 else 1 end as v) x
                where s.campaign_id = ? and i.framework_id = ?""", c.getId(), f.getId());
        jdbc.execute("analyze vsoko_value");
        jdbc.execute("analyze vsoko_submission");

        var region = vsoko.user("tver.coko");
        results.byMunicipality(region, c.getId()); // warm
        long start = System.nanoTime();
        ResultService.CampaignResults r = results.byMunicipality(region, c.getId());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.total().withResult()).isEqualTo(2030);
        assertThat(r.municipalities()).hasSize(70);
        assertThat(millis).as("regional report, ms").isLessThan(2000);
        System.out.println("ВСОКО regional report of 2030 schools × 189 indicators: " + millis + " ms");
    }
}
