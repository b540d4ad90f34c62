package ru.rsoko.vsoko.framework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.Scope;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.campaign.VsokoDemoData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo study: the 2022 framework as in the Tver study, and results as the seeds describe them. */
@IntegrationTest
class VsokoDemoDataTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkQueries frameworks;

    FrameworkView framework(String name) {
        long id = jdbc.queryForObject("select id from vsoko_framework where name = ?", Long.class, name);
        return frameworks.full(Scope.all(), id);
    }

    @Test
    void the2022FrameworkHasTheStudysSixDirectionsWith189Indicators() {
        FrameworkView f = framework(VsokoDemoData.FRAMEWORK_2022);
        assertThat(f.directions()).extracting(d -> d.indicators().size()).containsExactly(20, 23, 18, 33, 28, 67);
        assertThat(f.indicatorCount()).isEqualTo(189);
        assertThat(f.sample()).isTrue();
        assertThat(f.formedFrom()).isEqualByComparingTo("75");
        assertThat(f.partialFrom()).isEqualByComparingTo("50");
        assertThat(f.indicators()).extracting(FrameworkView.IndicatorView::valueType).contains(ValueType.values());
        assertThat(f.indicators()).anyMatch(FrameworkView.IndicatorView::evidenceRequired);
        assertThat(framework(VsokoDemoData.FRAMEWORK_2021).indicatorCount()).isLessThan(189);
    }

    @Test
    void in2022EverySonkovoSchoolIsFormedAndKalininIsMixed() {
        FrameworkView f = framework(VsokoDemoData.FRAMEWORK_2022);
        BigDecimal max = f.maxPoints();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select m.name municipality, s.status, coalesce(sum(v.points), 0) earned
                from vsoko_submission s join vsoko_campaign c on c.id = s.campaign_id
                join org_unit m on m.id = s.municipality_id left join vsoko_value v on v.submission_id = s.id
                where c.name = 'Исследование эффективности ВСОКО, 2022' group by s.id, m.name, s.status""");
        assertThat(rows).hasSize(24);
        List<Level> sonkovo = levels(rows, "Сонковский муниципальный округ", f, max);
        assertThat(sonkovo).hasSize(7).containsOnly(Level.FORMED);
        List<Level> kalinin = levels(rows, "Калининский муниципальный округ", f, max);
        assertThat(kalinin).hasSize(7).contains(Level.FORMED, Level.PARTIAL, Level.NOT_FORMED);
        assertThat(rows).filteredOn(r -> r.get("municipality").equals("Калининский муниципальный округ"))
                .filteredOn(r -> r.get("status").equals("NOT_STARTED")).hasSize(1);

        Integer started = jdbc.queryForObject("""
                select count(*) from vsoko_value v join vsoko_submission s on s.id = v.submission_id
                join vsoko_campaign c on c.id = s.campaign_id join org_unit o on o.id = s.school_id
                where c.name = 'Исследование эффективности ВСОКО, 2023' and o.name = 'МОУ «Берёзовская СОШ»'
                and s.status = 'IN_PROGRESS'""", Integer.class);
        assertThat(started).isEqualTo(10);
    }

    private static List<Level> levels(List<Map<String, Object>> rows, String municipality, FrameworkView f, BigDecimal max) {
        return rows.stream().filter(r -> r.get("municipality").equals(municipality))
                .filter(r -> !r.get("status").equals("NOT_STARTED"))
                .map(r -> f.level(((BigDecimal) r.get("earned")).multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP)))
                .toList();
    }
}
