package ru.rsoko.execution.domain;

import org.springframework.stereotype.Component;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;

import java.util.List;

/**
 * What has been done, by today, about the decisions of the live year's Tver seminar (its records made on signing):
 * two municipalities sent their analysis of ВПР in time, one is at work, the others are overdue; most Сонковский schools
 * and every other of the rest held their methodical meetings, the others are overdue; a third of the schools report the
 * self-assessment done ahead of its deadline and a third are at it; ЦОКО is preparing its report.
 */
@Component
class ExecutionCurrentYearDemoData implements DemoDataSet {

    /** The seminar of the meetings' live-year demo set. */
    static final String SEMINAR = "Итоги всероссийских проверочных работ и задачи региональной системы оценки качества образования до конца года";
    private static final String SONKOVO = "Сонковский муниципальный округ";

    private final ExecutionDemoData seeds;
    private final RegionDays days;

    ExecutionCurrentYearDemoData(ExecutionDemoData seeds, RegionDays days) {
        this.seeds = seeds;
        this.days = days;
    }

    @Override
    public String name() {
        return "executions-current-year";
    }

    @Override
    public int order() {
        return 68;
    }

    @Override
    public void load() {
        List<Execution> analysis = seeds.records(SEMINAR, "1");
        if (analysis.isEmpty()) {
            return;
        }
        DemoCalendar calendar = new DemoCalendar(days.today(analysis.getFirst().getRegionId()));
        for (Execution e : analysis) {
            String name = e.getOrgUnit().getName();
            if (name.equals(SONKOVO)) {
                ExecutionDemoData.done(e, "Анализ результатов ВПР направлен письмом; меры по работе с ОО включены в муниципальную программу.",
                        "https://example.sonkovo.ru/vpr-analiz", calendar.day(-9));
            } else if (name.startsWith("Калининский")) {
                ExecutionDemoData.done(e, "Анализ направлен; план мер утверждён приказом управления образования.", null,
                        calendar.day(-8));
            } else if (name.equals("Город Тверь")) {
                ExecutionDemoData.inProgress(e, "Анализ подготовлен по 3 из 4 ОО, ожидаем данные гимназии.", calendar.day(-6));
            }
        }
        for (Execution e : seeds.records(SEMINAR, "2")) {
            if (ExecutionDemoData.inMunicipality(e, SONKOVO) ? !e.getOrgUnit().getName().contains("НОШ") : e.getId() % 2 == 0) {
                ExecutionDemoData.done(e, "Заседание ШМО проведено, изменения внесены в рабочие программы по русскому языку и математике.",
                        null, calendar.day(-5));
            }
        }
        List<Execution> selfAssessment = seeds.records(SEMINAR, "3");
        for (int i = 0; i < selfAssessment.size(); i++) {
            Execution e = selfAssessment.get(i);
            if (i % 3 == 0) {
                ExecutionDemoData.done(e, "Самооценка заполнена и направлена на экспертизу.", null, calendar.day(-4));
            } else if (i % 3 == 1) {
                ExecutionDemoData.inProgress(e, "Заполнено два направления из шести.", calendar.day(-2));
            }
        }
        for (Execution e : seeds.records(SEMINAR, "4")) {
            if (e.getOrgUnit().getType() == OrgUnitType.INSTITUTION) {
                ExecutionDemoData.inProgress(e, "Собраны сведения муниципалитетов, справка готовится.", calendar.day(-1));
            }
        }
    }
}
