package ru.rsoko.task.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.platform.demo.DemoDataSet;

import java.math.BigDecimal;
import java.util.List;

/**
 * «Задачи РСОКО на 2021 год» of Тверская область, word for word (seed 001), with a target on a computed figure
 * where the task names one: the plan-schedule, observers, ВПР coverage, ВСОКО.
 */
@Component
class TaskDemoData implements DemoDataSet {

    private record Seed(String text, TaskMetric metric, Integer target) {
    }

    static final List<Seed> TVER_2021 = List.of(
            new Seed("Актуализировать нормативно-правовые акты в сфере управления качеством образования в ОО и МОУО.", null, null),
            new Seed("Обеспечить выполнение плана-графика проведения мониторинга качества образования в ОО Тверской области "
                    + "в 2021 году, утвержденного приказом Министерства образования Тверской области от 10.12.2020 № 1131 /ПК.",
                    TaskMetric.PLAN_ON_TIME_SHARE, 100),
            new Seed("""
                    Обеспечить объективность проведения и результатов оценочных процедур:
                    - организовать работу по привлечению общественных наблюдателей при проведении всех внешних оценочных процедур в каждой ОО;
                    - продолжить практику организации работы независимых предметных комиссий, выборочных перепроверок на региональном уровне при проведении ВПР и РПР;
                    - в целях формирования позитивного отношения к объективной оценке образовательных результатов организовать активное вовлечение участников образовательных отношений в обсуждение итогов оценки и выявленных проблем, реализовывать программы помощи ОО с низкими результатами ОКО, учителям, имеющим проблемы и дефициты, проводить разъяснительную работу по вопросам повышения объективности оценки образовательных результатов.""",
                    TaskMetric.OBSERVER_SHARE, 100),
            new Seed("""
                    Обеспечить качество и объективность проведения Всероссийских проверочных работ:
                    - обеспечить 100% охват участием в ВПР обучающихся 4 - 8 классов;
                    - обеспечить участие обучающихся 11 классов в ВПР;
                    - обеспечить достоверность результатов ВПР.""",
                    TaskMetric.VPR_COVERAGE, 100),
            new Seed("Совершенствовать внутренние системы оценки качества образования как инструменты управления качеством "
                    + "образования в ОО.", TaskMetric.VSOKO_FORMED_SHARE, 75),
            new Seed("Сформировать эффективные муниципальные системы управления качеством образования, основанные на "
                    + "мониторинге и анализе комплексной и объективной информации.", null, null),
            new Seed("Продолжить работу по формированию и оценке функциональной грамотности обучающихся.", null, null),
            new Seed("Разработать и реализовать комплекс мер, направленных на повышение качества образования в ШНОР в "
                    + "соответствии с методическими рекомендациями ФИОКО.", null, null),
            new Seed("Развивать формы реальной помощи ОО со стороны муниципалитетов по улучшению условий и повышению "
                    + "качества образования.", null, null),
            new Seed("Обеспечить системное методическое сопровождение деятельности педагогов во всех ОО и МОУО.", null, null),
            new Seed("Обеспечить информационную открытость ОО и МОУО.", null, null));

    private final AnnualTaskRepository tasks;
    private final JdbcTemplate jdbc;

    TaskDemoData(AnnualTaskRepository tasks, JdbcTemplate jdbc) {
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void load() {
        Long tver = jdbc.query("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'",
                rs -> rs.next() ? rs.getLong(1) : null);
        if (tver == null) {
            return;
        }
        for (int i = 0; i < TVER_2021.size(); i++) {
            Seed seed = TVER_2021.get(i);
            tasks.save(new AnnualTask(tver, 2021, i + 1, seed.text(), seed.metric(),
                    seed.target() == null ? null : BigDecimal.valueOf(seed.target())));
        }
        tasks.flush();
    }
}
