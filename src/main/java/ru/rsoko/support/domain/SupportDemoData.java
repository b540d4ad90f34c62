package ru.rsoko.support.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.support.MeasureStatus;
import ru.rsoko.support.ProgrammeStatus;
import ru.rsoko.support.RiskFactor;
import ru.rsoko.support.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The support programme of МОУ «Берёзовская СОШ» (on Tver's ШНОР list of 2021), approved 15.09.2021: four risk factors
 * (two assessed again, lower), seven measures due in 2021–2022 — four done with reports, one cancelled, two overdue.
 * Wording is sample content. Its director is {@code sonkovo.school}.
 */
@Component
class SupportDemoData implements DemoDataSet {

    private final SupportProgrammeRepository programmes;
    private final SupportRiskRepository risks;
    private final SupportMeasureRepository measures;
    private final JdbcTemplate jdbc;

    SupportDemoData(SupportProgrammeRepository programmes, SupportRiskRepository risks,
                    SupportMeasureRepository measures, JdbcTemplate jdbc) {
        this.programmes = programmes;
        this.risks = risks;
        this.measures = measures;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "support-programmes";
    }

    @Override
    public int order() {
        return 120;
    }

    private record Measure(RiskFactor factor, String text, String responsible, LocalDate due, MeasureStatus status,
                           LocalDate doneOn, String report) {
    }

    @Override
    public void load() {
        List<Long[]> school = jdbc.query("""
                        select s.id, s.region_id, s.municipality_id from directory_org_unit s
                        join directory_org_unit r on r.id = s.region_id
                        where r.name = 'Тверская область' and s.type = 'SCHOOL' and s.name = ?""",
                (rs, i) -> new Long[]{rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class)},
                DemoOrganisations.SONKOVO_SCHOOL);
        if (school.isEmpty() || programmes.findBySchoolIdAndYear(school.getFirst()[0], 2021).isPresent()) {
            return;
        }
        long schoolId = school.getFirst()[0];
        long regionId = school.getFirst()[1];
        SupportProgramme p = new SupportProgramme(regionId, school.getFirst()[2], schoolId, 2021,
                "Программа антирисковых мер МОУ «Берёзовская СОШ» на 2021–2022 годы (образец)",
                "Снизить долю отметок «2» по ВПР по русскому языку и математике в 5–7 классах до уровня региона к 2022 году",
                Instant.parse("2021-09-10T07:00:00Z"), "sonkovo.mouo");
        p.setStatus(ProgrammeStatus.ACTIVE);
        p.setApprovedOn(LocalDate.of(2021, 9, 15));
        programmes.saveAndFlush(p);

        risks.save(new SupportRisk(p.getId(), RiskFactor.TEACHER_COMPETENCE, RiskLevel.HIGH, RiskLevel.MEDIUM,
                "Повторная оценка в июне 2022 года"));
        risks.save(new SupportRisk(p.getId(), RiskFactor.FAILURE_RISK_PUPILS, RiskLevel.HIGH, RiskLevel.MEDIUM,
                "Повторная оценка в июне 2022 года"));
        risks.save(new SupportRisk(p.getId(), RiskFactor.STAFF_SHORTAGE, RiskLevel.MEDIUM, null, null));
        risks.save(new SupportRisk(p.getId(), RiskFactor.PARENTS_INVOLVEMENT, RiskLevel.MEDIUM, null, null));
        risks.flush();

        Instant reported = Instant.parse("2022-06-20T08:00:00Z");
        List<Measure> plan = List.of(
                new Measure(RiskFactor.TEACHER_COMPETENCE, "Курсы повышения квалификации учителей математики и русского "
                        + "языка по формированию предметных умений, проверяемых ВПР", "Зам. директора по УВР Петрова А. С.",
                        LocalDate.of(2021, 12, 20), MeasureStatus.DONE, LocalDate.of(2021, 12, 10),
                        "Обучены 4 учителя (удостоверения ТОИУУ от 10.12.2021)"),
                new Measure(RiskFactor.FAILURE_RISK_PUPILS, "Индивидуальные образовательные маршруты для обучающихся "
                        + "5–7 классов с рисками учебной неуспешности", "Классные руководители 5–7 классов",
                        LocalDate.of(2021, 11, 1), MeasureStatus.DONE, LocalDate.of(2021, 10, 29),
                        "Составлены маршруты для 11 обучающихся, утверждены приказом от 29.10.2021 № 87"),
                new Measure(RiskFactor.TEACHER_COMPETENCE, "Наставничество: закрепить за молодыми учителями наставников "
                        + "из школы-партнёра", "Директор Смирнова Е. В.", LocalDate.of(2022, 1, 31), MeasureStatus.DONE,
                        LocalDate.of(2022, 1, 25), "Заключены договоры с МОУ «Сонковская СОШ», 3 пары наставничества"),
                new Measure(RiskFactor.PARENTS_INVOLVEMENT, "Родительские собрания по итогам ВПР с разбором типичных "
                        + "ошибок", "Классные руководители", LocalDate.of(2022, 3, 15), MeasureStatus.DONE,
                        LocalDate.of(2022, 3, 11), "Проведены собрания в 5–7 классах, присутствовали 64 % родителей"),
                new Measure(RiskFactor.STAFF_SHORTAGE, "Привлечь учителя математики на вакантную ставку (целевое "
                        + "обучение, «Земский учитель»)", "Директор Смирнова Е. В.; МОУО Сонковского округа",
                        LocalDate.of(2022, 8, 31), MeasureStatus.IN_PROGRESS, null, null),
                new Measure(RiskFactor.FAILURE_RISK_PUPILS, "Мониторинг предметных результатов 5–7 классов по "
                        + "материалам ВПР прошлых лет (два среза)", "Зам. директора по УВР Петрова А. С.",
                        LocalDate.of(2022, 5, 20), MeasureStatus.PLANNED, null, null),
                new Measure(RiskFactor.PARENTS_INVOLVEMENT, "Открытая школа: день открытых уроков для родителей",
                        "Зам. директора по ВР", LocalDate.of(2022, 4, 22), MeasureStatus.CANCELLED, null,
                        "Отменено: карантин по ОРВИ в апреле 2022 года, перенесено в план следующего года"));
        int position = 0;
        for (Measure m : plan) {
            SupportMeasure measure = new SupportMeasure(p.getId(), regionId, schoolId, ++position, m.factor(), m.text(),
                    m.responsible(), m.due());
            if (m.status() != MeasureStatus.PLANNED) {
                measure.reported(m.status(), m.doneOn(), m.report(), reported, "sonkovo.school");
            }
            measures.save(measure);
        }
        measures.flush();
    }
}
