package ru.rsoko.plan.domain;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.LocalDate;

/**
 * Tver's approved plan of 2022 with its ВПР in grades 4–8, done: the year after the demo plan of 2021, in which the
 * demo results (issue 17) show the effect of the support of a ШНОР school. Titles, dates and the order's number are
 * sample content.
 */
@Component
class PlanLaterYearDemoData implements DemoDataSet {

    private final PlanDemoData plans;
    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PlanLaterYearDemoData(PlanDemoData plans, EntityManager em, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.plans = plans;
        this.em = em;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public String name() {
        return "plans-2022";
    }

    @Override
    public int order() {
        return 62;
    }

    @Override
    public void load() {
        Long region = PlanEarlierYearsDemoData.tver(jdbc);
        if (region == null || jdbc.queryForObject("select count(*) from plan where region_id = ? and year = 2022",
                Integer.class, region) > 0) {
            return;
        }
        PlanEntity plan = plans.approved(region, 2022,
                "План-график проведения мониторинга качества образования в ОО Тверской области в 2022 году (образец)",
                "Министерства образования Тверской области", "1187/ПК", LocalDate.of(2021, 12, 14));
        ProcedureEntity vpr = plans.add(plan, "VPR", "Всероссийские проверочные работы в 4–8 классах",
                LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 20), plans.institution(region, "ГБУ ТО ЦОКО"));
        vpr.setGrades(new Integer[]{4, 5, 6, 7, 8});
        vpr.setSubjects("русский язык, математика, окружающий мир");
        vpr.setCoverageTarget(null);
        vpr.setObserversRequired(false);
        PlanDemoData.done(vpr, LocalDate.of(2022, 5, 20), "ВПР проведены во всех ОО; результаты — в разделе «Результаты» "
                + "(демонстрационные данные).");
        em.flush();
        events.publishEvent(new PlanScheduleChanged(region));
    }
}
