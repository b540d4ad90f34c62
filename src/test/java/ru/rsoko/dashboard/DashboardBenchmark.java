package ru.rsoko.dashboard;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.dashboard.domain.DashboardService;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's benchmark of the dashboards: Тверская область grown to the scale the product is built for — 2,030
 * schools in 70 more municipalities, three years of ВСОКО campaigns of 189 indicators each (1.15 million values),
 * 20,300 decisions' records, the year's ВПР participation and lists — then the regional dashboard, a municipal one and
 * a school's profile are timed against the raw SQL that computes the same figures, in the same run. It prints the
 * medians and their ratio; it asserts only that the answers agree, never a time (the machines are shared).
 * Run: {@code ./mvnw test -Pbenchmark}. Everything is rolled back.
 */
@Tag("benchmark")
@IntegrationTest
@Transactional
class DashboardBenchmark {

    static final int MUNICIPALITIES = 70, SCHOOLS_EACH = 29, RECORDS_EACH = 10, RUNS = 15;

    @Autowired
    DashboardService dashboards;
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
    void dashboardsAndProfileAtTheScaleOfARegion() {
        long tver = fixtures.org("Тверская область").id();
        int year = LocalDate.now(ZoneId.of("Europe/Moscow")).getYear();
        String tag = Fixtures.unique("Масштаб");
        jdbc.update("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                select nextval('org_unit_id_seq'), 'MUNICIPALITY', 'Масштабный округ ' || g || ' ' || ?, ?, ?, null
                from generate_series(1, ?) g""", tag, tver, tver, MUNICIPALITIES);
        jdbc.update("update org_unit set municipality_id = id where name like 'Масштабный округ % ' || ?", tag);
        jdbc.update("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                select nextval('org_unit_id_seq'), 'SCHOOL', 'Масштабная школа ' || g || ' ' || m.id, m.id, ?, m.id
                from org_unit m cross join generate_series(1, ?) g
                where m.name like 'Масштабный округ % ' || ?""", tver, SCHOOLS_EACH, tag);
        String schools = "select o.id from org_unit o join org_unit m on m.id = o.municipality_id "
                + "where o.type = 'SCHOOL' and m.name like 'Масштабный округ % ' || '" + tag.replace("'", "''") + "'";

        // three years of ВСОКО: the year's campaign closed (preliminary for the region), the two before published
        for (int y = year - 2; y <= year; y++) {
            Framework f = new Framework(tver, Fixtures.unique("Масштаб"), y);
            int[] sizes = {20, 23, 18, 33, 28, 67};
            for (int d = 0; d < sizes.length; d++) {
                Direction direction = f.addDirection("Н" + (d + 1), "Направление " + (d + 1));
                for (int i = 0; i < sizes[d]; i++) {
                    direction.addIndicator((d + 1) + "." + (i + 1), "Показатель", ValueType.YES_NO, BigDecimal.ONE);
                }
            }
            f = frameworks.saveAndFlush(f);
            Campaign c = campaigns.saveAndFlush(new Campaign(tver, Fixtures.unique("Изучение ВСОКО"), y, f,
                    LocalDate.of(y, 1, 10), LocalDate.of(y, 1, 31)));
            jdbc.update("update vsoko_campaign set status = ?, published_at = case when ? then now() end where id = ?",
                    (y == year ? CampaignStatus.CLOSED : CampaignStatus.PUBLISHED).name(), y != year, c.getId());
            jdbc.update("""
                    insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                    select ?, o.id, o.region_id, o.municipality_id, 'SUBMITTED' from org_unit o where o.id in (""" + schools + ")",
                    c.getId());
            jdbc.update("""
                    insert into vsoko_value (submission_id, indicator_id, value, points, updated_by)
                    select s.id, i.id, v, v, 'test'
                    from vsoko_submission s cross join vsoko_indicator i
                    cross join lateral (select case when (s.id * 7 + i.id) % (3 + s.id % 5) = 0 then 0 else 1 end as v) x
                    where s.campaign_id = ? and i.framework_id = ?""", c.getId(), f.getId());
        }

        // decisions: one meeting of ten decisions, a record for every school, some overdue, some done
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        Long meeting = jdbc.queryForObject("""
                insert into meeting (region_id, organiser_id, kind, title, meeting_date, status)
                values (?, ?, 'MEETING', 'Масштабное совещание', ?, 'SIGNED') returning id""", Long.class, tver, tver,
                today.minusMonths(2));
        for (int n = 1; n <= RECORDS_EACH; n++) {
            Long decision = jdbc.queryForObject("""
                    insert into decision (meeting_id, position, number, text, deadline_kind, due_date)
                    values (?, ?, ?, 'Провести анализ', 'BY_DATE', ?) returning id""", Long.class, meeting, n,
                    String.valueOf(n), today.plusDays(n * 7L - 35));
            jdbc.update("""
                    insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status, recurring,
                                           period_start, due_date, completed_at)
                    select ?, ?, o.id, o.region_id, o.municipality_id,
                           case (o.id + ?) % 4 when 0 then 'DONE' when 1 then 'IN_PROGRESS' else 'NOT_STARTED' end,
                           false, ?, ?, case when (o.id + ?) % 4 = 0 then now() end
                    from org_unit o where o.id in (""" + schools + ")", decision, meeting, n, today.minusMonths(2),
                    today.plusDays(n * 7L - 35), n);
        }
        // the year's ВПР (the demo's plan of the year) for every school, grades 4–8; lists of the year
        Long vpr = jdbc.queryForObject("""
                select p.id from plan_procedure p join plan s on s.id = p.plan_id
                where s.region_id = ? and s.year = ? and p.coverage_target is not null order by p.position limit 1""",
                Long.class, tver, year);
        jdbc.update("""
                insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils, participants,
                                           observers, updated_by)
                select ?, o.id, o.region_id, o.municipality_id, g, 25, 25 - (o.id + g) % 3, (o.id % 9) <> 0, 'test'
                from org_unit o cross join generate_series(4, 8) g where o.id in (""" + schools + ")", vpr);
        jdbc.update("""
                insert into school_list_entry (region_id, municipality_id, school_id, year, kind, created_by)
                select o.region_id, o.municipality_id, o.id, ?, case when o.id % 2 = 0 then 'LOW_RESULTS' else 'NON_OBJECTIVE' end, 'test'
                from org_unit o where o.id in (""" + schools + ") and o.id % 17 = 0", year);
        for (String table : List.of("org_unit", "vsoko_value", "vsoko_submission", "execution", "participation", "school_list_entry")) {
            jdbc.execute("analyze " + table);
        }

        CurrentUser staff = (CurrentUser) users.loadUserByUsername("tver.coko");
        long municipality = jdbc.queryForObject("select min(m.id) from org_unit m where m.name like 'Масштабный округ % ' || ?",
                Long.class, tag);
        long school = jdbc.queryForObject("select min(id) from org_unit where municipality_id = ? and type = 'SCHOOL'",
                Long.class, municipality);

        DashboardService.Dashboard region = dashboards.dashboard(staff, null, null, year);
        assertThat(region.total().schools()).isGreaterThanOrEqualTo(MUNICIPALITIES * SCHOOLS_EACH);
        long overdueByList = jdbc.queryForObject("""
                select count(*) from execution where region_id = ? and due_date < ? and status in ('NOT_STARTED', 'IN_PROGRESS')""",
                Long.class, tver, today);
        assertThat(region.total().executions().overdue()).isEqualTo(overdueByList);

        report("региональная панель (" + region.total().schools() + " школ, " + region.rows().size() + " муниципалитетов)",
                () -> dashboards.dashboard(staff, null, null, year), () -> rawRegion(tver, year, today));
        report("панель муниципалитета (" + SCHOOLS_EACH + " школ)",
                () -> dashboards.dashboard(staff, null, municipality, year), () -> rawMunicipality(municipality, year, today));
        report("профиль школы", () -> dashboards.profile(staff, school), () -> rawProfile(school, today));
    }

    private void report(String what, Supplier<?> product, Supplier<?> raw) {
        for (int i = 0; i < 3; i++) {
            product.get();
            raw.get();
        }
        long[] p = new long[RUNS];
        long[] r = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            product.get();
            p[i] = System.nanoTime() - start;
            start = System.nanoTime();
            raw.get();
            r[i] = System.nanoTime() - start;
        }
        double pm = median(p) / 1e6, rm = median(r) / 1e6;
        System.out.printf("BENCHMARK %s: %.1f ms (медиана из %d), сырой SQL тех же цифр: %.1f ms, отношение %.1f%n",
                what, pm, RUNS, rm, pm / rm);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The regional table and its trends in plain SQL: what a hand-written report would run. */
    private List<Object> rawRegion(long region, int year, LocalDate today) {
        List<Object> answers = new ArrayList<>();
        answers.add(jdbc.queryForList("""
                with s as (select id, municipality_id from directory_org_unit where region_id = ? and type = 'SCHOOL' and active),
                ex as (select coalesce(municipality_id, 0) m, count(*) total, count(*) filter (where status = 'DONE') done,
                              count(*) filter (where due_date < ? and status in ('NOT_STARTED', 'IN_PROGRESS')) overdue
                       from execution where region_id = ? group by 1),
                camp as (select id, framework_id from vsoko_campaign where region_id = ? and year = ?
                         order by (status = 'PUBLISHED') desc, created_at desc limit 1),
                mx as (select sum(i.points) mx from vsoko_indicator i join camp on camp.framework_id = i.framework_id),
                sc as (select sub.municipality_id m, sub.id, coalesce(sum(d.earned), 0) earned
                       from vsoko_submission sub join camp on camp.id = sub.campaign_id
                       left join vsoko_direction_score d on d.submission_id = sub.id
                       where sub.status in ('SUBMITTED', 'ACCEPTED') group by 1, 2),
                lv as (select m, count(*) filter (where earned * 100 >= 75 * mx) formed,
                              count(*) filter (where earned * 100 < 50 * mx) not_formed, count(*) n from sc, mx group by m),
                cov as (select p.municipality_id m, sum(p.pupils) pupils, sum(p.participants) participants from participation p
                        join plan_procedure pr on pr.id = p.procedure_id join plan ps on ps.id = pr.plan_id
                        where ps.region_id = ? and ps.year = ? and pr.coverage_target is not null group by 1),
                li as (select municipality_id m, count(*) filter (where kind = 'LOW_RESULTS') low, count(*) filter (where kind = 'NON_OBJECTIVE') non
                       from school_list_entry where region_id = ? and year = ? group by 1)
                select s.municipality_id, count(*), max(ex.total), max(ex.done), max(ex.overdue), max(lv.formed), max(lv.not_formed),
                       max(cov.pupils), max(cov.participants), max(li.low), max(li.non)
                from s left join ex on ex.m = s.municipality_id left join lv on lv.m = s.municipality_id
                left join cov on cov.m = s.municipality_id left join li on li.m = s.municipality_id
                group by s.municipality_id""", region, today, region, region, year, region, year, region, year));
        for (int y = year - 2; y <= year; y++) {
            answers.add(jdbc.queryForList("""
                    with camp as (select id, framework_id from vsoko_campaign where region_id = ? and year = ?
                                  order by (status = 'PUBLISHED') desc, created_at desc limit 1),
                    mx as (select sum(i.points) mx from vsoko_indicator i join camp on camp.framework_id = i.framework_id),
                    sc as (select sub.id, coalesce(sum(d.earned), 0) earned from vsoko_submission sub join camp on camp.id = sub.campaign_id
                           left join vsoko_direction_score d on d.submission_id = sub.id where sub.status in ('SUBMITTED', 'ACCEPTED') group by 1)
                    select count(*) filter (where earned * 100 >= 75 * mx), count(*) from sc, mx""", region, y));
        }
        return answers;
    }

    private List<Object> rawMunicipality(long municipality, int year, LocalDate today) {
        return List.of(jdbc.queryForList("""
                select o.id, count(e.id), count(e.id) filter (where e.due_date < ? and e.status in ('NOT_STARTED', 'IN_PROGRESS')),
                       (select sum(d.earned) from vsoko_submission sub join vsoko_direction_score d on d.submission_id = sub.id
                        join vsoko_campaign c on c.id = sub.campaign_id where sub.school_id = o.id and c.year = ?),
                       (select sum(participants) from participation p where p.school_id = o.id)
                from directory_org_unit o left join execution e on e.org_unit_id = o.id
                where o.municipality_id = ? and o.type = 'SCHOOL' group by o.id""", today, year, municipality));
    }

    private List<Object> rawProfile(long school, LocalDate today) {
        return List.of(
                jdbc.queryForList("""
                        select c.year, sub.status, d.direction_id, d.earned from vsoko_submission sub join vsoko_campaign c on c.id = sub.campaign_id
                        left join vsoko_direction_score d on d.submission_id = sub.id where sub.school_id = ?""", school),
                jdbc.queryForList("select year, kind from school_list_entry where school_id = ?", school),
                jdbc.queryForList("""
                        select e.id, e.due_date, e.status, d.text from execution e join decision d on d.id = e.decision_id
                        where e.org_unit_id = ? and (e.due_date < ? or true) order by e.due_date limit 50""", school, today),
                jdbc.queryForList("select procedure_id, sum(pupils), sum(participants) from participation where school_id = ? group by 1", school));
    }
}
