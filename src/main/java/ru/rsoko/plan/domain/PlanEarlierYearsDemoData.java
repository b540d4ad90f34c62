package ru.rsoko.plan.domain;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.LocalDate;

/**
 * Tver's approved plan of 2020 with its ВПР in grades 5–9, moved to the autumn of 2020 (the spring's ВПР of 2020 was
 * held in September–October as the previous grade's work) and done: the year before the demo plan of 2021, so that
 * the demo results (issue 17) have a year to compare with. Titles, dates and the order's number are sample content.
 */
@Component
class PlanEarlierYearsDemoData implements DemoDataSet {

    private final PlanDemoData plans;
    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PlanEarlierYearsDemoData(PlanDemoData plans, EntityManager em, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.plans = plans;
        this.em = em;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public String name() {
        return "plans-2020";
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public void load() {
        Long region = tver(jdbc);
        if (region == null || jdbc.queryForObject("select count(*) from plan where region_id = ? and year = 2020",
                Integer.class, region) > 0) {
            return;
        }
        PlanEntity plan = plans.approved(region, 2020,
                "План-график проведения мониторинга качества образования в ОО Тверской области в 2020 году (образец)",
                "Министерства образования Тверской области", "1022/ПК", LocalDate.of(2019, 12, 12));
        ProcedureEntity vpr = plans.add(plan, "VPR", "ВПР в 5–9 классах (перенесены на осень 2020 г.)",
                LocalDate.of(2020, 3, 16), LocalDate.of(2020, 5, 22), plans.institution(region, "ГБУ ТО ЦОКО"));
        vpr.setGrades(new Integer[]{5, 6, 7, 8, 9});
        vpr.setSubjects("русский язык, математика");
        vpr.setCoverageTarget(null);
        vpr.setObserversRequired(false);
        vpr.setMovedStart(LocalDate.of(2020, 9, 14));
        vpr.setMovedEnd(LocalDate.of(2020, 10, 12));
        vpr.setMovedOn(LocalDate.of(2020, 5, 15));
        PlanDemoData.done(vpr, LocalDate.of(2020, 10, 12), "ВПР весны 2020 г. проведены осенью по материалам предыдущего "
                + "класса; результаты — в разделе «Результаты» (демонстрационные данные).");
        em.flush();
        events.publishEvent(new PlanScheduleChanged(region));
    }

    static Long tver(JdbcTemplate jdbc) {
        return jdbc.queryForList("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'",
                Long.class).stream().findFirst().orElse(null);
    }
}
