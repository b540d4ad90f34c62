package ru.rsoko.task.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Tver's tasks of the live demo year (today's year in the region, by the application's clock), modelled on seed 001,
 * with targets on the figures the year's demo data computes: the plan on time, observers, ВПР coverage (95 % this year),
 * ВСОКО formed, decisions executed on time. A year that already has tasks keeps them.
 */
@Component
class TaskCurrentYearDemoData implements DemoDataSet {

    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    private record Seed(String text, TaskMetric metric, Integer target) {
    }

    private final AnnualTaskRepository tasks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TaskCurrentYearDemoData(AnnualTaskRepository tasks, JdbcTemplate jdbc, Clock clock) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tasks-current-year";
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public void load() {
        java.util.Optional<ru.rsoko.directory.OrgUnit> found = ru.rsoko.directory.DemoOrganisations.region(directory,
                ru.rsoko.directory.DemoOrganisations.TVER);
        if (found.isEmpty()) {
            return;
        }
        long tver = found.get().id();
        int year = DemoCalendar.of(clock, java.util.Objects.requireNonNull(found.get().zone())).year();
        Integer existing = jdbc.queryForObject("select count(*) from annual_task where region_id = ? and year = ?",
                Integer.class, tver, year);
        if (existing != null && existing > 0) {
            return;
        }
        List<Seed> seeds = List.of(
                new Seed("Обеспечить выполнение плана-графика проведения мониторинга качества образования в ОО Тверской "
                        + "области в " + year + " году.", TaskMetric.PLAN_ON_TIME_SHARE, 100),
                new Seed("Обеспечить присутствие общественных наблюдателей при проведении внешних оценочных процедур в каждой ОО.",
                        TaskMetric.OBSERVER_SHARE, 100),
                new Seed("Обеспечить охват участием в ВПР не менее 95 % обучающихся 4–8 классов.", TaskMetric.VPR_COVERAGE, 95),
                new Seed("Совершенствовать внутренние системы оценки качества образования как инструменты управления "
                        + "качеством образования в ОО.", TaskMetric.VSOKO_FORMED_SHARE, 75),
                new Seed("Обеспечить выполнение в срок решений семинаров-совещаний по вопросам оценки качества образования.",
                        TaskMetric.DECISIONS_ON_TIME_SHARE, 90),
                new Seed("Продолжить работу по формированию и оценке функциональной грамотности обучающихся.", null, null),
                new Seed("Реализовать комплекс мер по повышению качества образования в ШНОР в соответствии с методическими "
                        + "рекомендациями ФИОКО.", null, null));
        for (int i = 0; i < seeds.size(); i++) {
            Seed seed = seeds.get(i);
            tasks.save(new AnnualTask(tver, year, i + 1, seed.text(), seed.metric(),
                    seed.target() == null ? null : BigDecimal.valueOf(seed.target())));
        }
        tasks.flush();
    }
}
