package ru.rsoko.results.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags the demo ВПР results of Tver must raise under the region's default rules (V22's defaults), computed from
 * the demo rows by plain SQL — the figures the signs' and ШНОР rules are checked against. Schools' rows with fewer
 * than 10 participants are not judged (min_participants).
 */
@IntegrationTest
class ResultDemoDataTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final String TVER = "(select id from directory_org_unit where type = 'REGION' and name = 'Тверская область')";

    /** school name, subject and grade of the year's rows whose school share (per cent) meets the condition vs the region. */
    private List<String> flagged(int year, String schoolShare, String condition) {
        return jdbc.queryForList("""
                with r as (select subject, grade, sum(participants) p, sum(mark2) m2, sum(mark4) m4, sum(mark5) m5
                           from procedure_result where procedure_type = 'VPR' and year = ? and region_id = %s
                           group by subject, grade),
                     s as (select x.*, 100.0 * (%s) / x.participants as share,
                                  100.0 * r.m5 / r.p as region_top
                           from procedure_result x join r on r.subject = x.subject and r.grade = x.grade
                           where x.procedure_type = 'VPR' and x.year = ? and x.region_id = %s and x.participants >= 10)
                select o.name || ' ' || s.subject || ' ' || s.grade
                from s join directory_org_unit o on o.id = s.school_id
                where %s order by 1""".formatted(TVER, schoolShare, TVER, condition), String.class, year, year);
    }

    @Test
    void signsOf2021() {
        // «5» at least twice the region's share and 15 п. п. above it
        assertThat(flagged(2021, "x.mark5", "share >= 2 * region_top and share >= region_top + 15"))
                .containsExactly("МОУ «Ручьёвская СОШ» MATHEMATICS 5");
        assertThat(jdbc.queryForObject("select round(100.0 * sum(mark5) / sum(participants), 1) from procedure_result "
                + "where year = 2021 and subject = 'MATHEMATICS' and grade = 5 and region_id = " + TVER, Double.class))
                .isBetween(13.0, 18.0);
        assertThat(flagged(2021, "x.lowered", "share >= 50")).containsExactly("МОУ «Ручьёвская СОШ» RUSSIAN 4");
        assertThat(flagged(2021, "x.raised", "share >= 20")).containsExactly("МОУ «Заречная СОШ» MATHEMATICS 6");
        // the quality («4»+«5») changed by 30 п. п. or more against 2020's same subject and grade
        List<String> jumps = jdbc.queryForList("""
                select o.name || ' ' || a.subject || ' ' || a.grade
                from procedure_result a
                join procedure_result b on b.school_id = a.school_id and b.subject = a.subject and b.grade = a.grade
                     and b.procedure_type = 'VPR' and b.year = a.year - 1
                join directory_org_unit o on o.id = a.school_id
                where a.procedure_type = 'VPR' and a.year = 2021 and a.region_id = %s
                  and a.participants >= 10 and b.participants >= 10
                  and abs(100.0 * (a.mark4 + a.mark5) / a.participants - 100.0 * (b.mark4 + b.mark5) / b.participants) >= 30
                order by 1""".formatted(TVER), String.class);
        assertThat(jumps).containsExactly("МОУ «Заречная СОШ» MATHEMATICS 6");
    }

    /** Schools with a share of «2» (all grades of the year) at least the threshold in both Russian and mathematics. */
    private List<String> failing(int year, double atLeast) {
        return jdbc.queryForList("""
                select o.name from (
                    select school_id, subject, 100.0 * sum(mark2) / sum(participants) share
                    from procedure_result where procedure_type = 'VPR' and year = ? and region_id = %s
                      and subject in ('RUSSIAN', 'MATHEMATICS')
                    group by school_id, subject) s
                join directory_org_unit o on o.id = s.school_id
                where s.share >= ? group by o.name having count(*) = 2 order by 1""".formatted(TVER), String.class,
                year, atLeast);
    }

    @Test
    void lowResultsCandidatesOf2020And2021AndTheEffectIn2022() {
        List<String> four = List.of("МОУ «Берёзовская СОШ»", "МОУ «Гороховская ООШ»", "МОУ «Полевая ООШ»", "МОУ «Светлая ООШ»");
        assertThat(failing(2020, 30)).containsExactlyElementsOf(four);
        assertThat(failing(2021, 30)).containsExactlyElementsOf(four);
        // every other school under 20 % in each subject
        assertThat(jdbc.queryForList("""
                select distinct o.name from procedure_result r join directory_org_unit o on o.id = r.school_id
                where r.year in (2020, 2021) and r.region_id = %s and r.subject in ('RUSSIAN', 'MATHEMATICS')
                group by o.name, r.year, r.subject having 100.0 * sum(r.mark2) / sum(r.participants) >= 20
                order by 1""".formatted(TVER), String.class)).containsExactlyElementsOf(four);
        // 2022: Берёзовская's share of «2» about 15 % and its quality up against 2021
        List<Double> berezovskaya = jdbc.queryForList("""
                select round(100.0 * sum(mark2) / sum(participants), 1) from procedure_result r
                join directory_org_unit o on o.id = r.school_id
                where o.name = 'МОУ «Берёзовская СОШ»' and r.year = ? and r.subject in ('RUSSIAN', 'MATHEMATICS')
                union all
                select round(100.0 * sum(mark4 + mark5) / sum(participants), 1) from procedure_result r
                join directory_org_unit o on o.id = r.school_id
                where o.name = 'МОУ «Берёзовская СОШ»' and r.year = ? and r.subject in ('RUSSIAN', 'MATHEMATICS')""",
                Double.class, 2022, 2022);
        assertThat(berezovskaya.get(0)).isBetween(12.0, 18.0);
        Double quality2021 = jdbc.queryForObject("""
                select round(100.0 * sum(mark4 + mark5) / sum(participants), 1) from procedure_result r
                join directory_org_unit o on o.id = r.school_id
                where o.name = 'МОУ «Берёзовская СОШ»' and r.year = 2021 and r.subject in ('RUSSIAN', 'MATHEMATICS')""",
                Double.class);
        assertThat(berezovskaya.get(1)).isGreaterThan(quality2021 + 10);
        assertThat(failing(2022, 30)).containsExactly("МОУ «Гороховская ООШ»", "МОУ «Полевая ООШ»", "МОУ «Светлая ООШ»");
    }

    @Test
    void theRegionsSharesAreThoseOfAnOrdinaryRegion() {
        List<Double> shares = jdbc.queryForList("""
                select round(100.0 * sum(x) / sum(participants), 1) from (
                    select participants, mark2 x from procedure_result where year = 2021 and region_id = %1$s
                    union all select 0, 0) a
                union all select round(100.0 * sum(mark5) / sum(participants), 1) from procedure_result
                    where year = 2021 and region_id = %1$s""".formatted(TVER), Double.class);
        assertThat(shares.get(0)).isBetween(10.0, 17.0);
        assertThat(shares.get(1)).isBetween(10.0, 16.0);
        assertThat(jdbc.queryForObject("select count(distinct school_id) from procedure_result where year = 2021 and region_id = "
                + TVER, Integer.class)).isGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForList("select distinct year from procedure_result where region_id = " + TVER
                + " order by 1", Integer.class)).contains(2020, 2021, 2022);
    }
}
