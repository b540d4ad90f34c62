package ru.rsoko.execution.domain;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Part of the demo decisions executed, as in real life: some schools reported, one could not, the rest are
 * overdue; ТОИПКРО reported on its ongoing decision for two quarters and then stopped.
 */
@Component
class ExecutionDemoData implements DemoDataSet {

    private final EntityManager entityManager;
    private final MeetingService meetings;

    ExecutionDemoData(EntityManager entityManager, MeetingService meetings) {
        this.entityManager = entityManager;
        this.meetings = meetings;
    }

    @Override
    public String name() {
        return "executions";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        String tomsk = "Управление качеством образования в Томской области: от региона к школе";
        List<Execution> decision1 = records(tomsk, "1");
        for (int i = 0; i < decision1.size(); i++) {
            Execution e = decision1.get(i);
            if (i % 3 == 0) {
                done(e, "Банк заданий используется на уроках и во внеурочной деятельности: проведено 12 занятий, "
                        + "участвовали обучающиеся 5–9 классов.", "https://fg.resh.edu.ru/", LocalDate.of(2021, 5, 25));
            } else if (i % 5 == 1) {
                notDone(e, "Нет стабильного доступа к сети в кабинетах: работа перенесена на сентябрь.", LocalDate.of(2021, 5, 31));
            } else if (i % 3 == 1) {
                inProgress(e, "Работа начата, проведены первые занятия.", LocalDate.of(2021, 5, 20));
            }
        }
        for (Execution e : records(tomsk, "3")) {
            if (e.getOrgUnit().getName().contains("Лицей") || e.getOrgUnit().getName().contains("Гимназия")) {
                done(e, "Введены курсы «Экспериментальная химия» и «Физика вокруг нас».", null, LocalDate.of(2021, 8, 10));
            }
        }
        List<Execution> decision4 = records(tomsk, "4");
        for (int i = 0; i < decision4.size(); i++) {
            if (i % 2 == 0) {
                done(decision4.get(i), "В рабочие программы по физике, химии и биологии 7–11 классов добавлены "
                        + "лабораторные работы на оборудовании «Точки роста».", null, LocalDate.of(2021, 8, 12));
            }
        }
        List<Execution> decision5 = records(tomsk, "5");
        for (int i = 0; i < decision5.size(); i++) {
            Execution e = decision5.get(i);
            if (e.getOrgUnit().getType() == OrgUnitType.MUNICIPALITY && i % 3 != 2) {
                done(e, "Утверждён муниципальный график использования оборудования «Точек роста» школами без "
                        + "своих центров.", null, LocalDate.of(2021, 9, 10));
            } else if (i % 4 == 0) {
                done(e, "Оборудование «Точки роста» используется на уроках и во внеурочной деятельности по расписанию.",
                        null, LocalDate.of(2021, 9, 14));
            }
        }
        for (Execution e : records(tomsk, "9")) {
            if (e.getOrgUnit().getShortName() != null && e.getOrgUnit().getShortName().equals("ТОИПКРО")) {
                report(e, "Проведены курсы повышения квалификации «Единые подходы к оцениванию ВПР» (68 слушателей).",
                        LocalDate.of(2021, 6, 28));
                report(e, "Проведены 2 обучающих семинара для экспертов муниципальных предметных комиссий.",
                        LocalDate.of(2021, 9, 29));
            }
        }
        for (Execution e : records(tomsk, "2")) {
            if (e.getOrgUnit().getName().equals("ЗАТО Северск")) {
                report(e, "Проведён анализ ресурсов: 3 школы с лабораториями «Точка роста», составлен план сетевого взаимодействия.",
                        LocalDate.of(2021, 6, 9));
            }
        }

        String tver = "Итоги оценки качества образования в Тверской области в 2020 году и задачи региональной системы оценки качества образования на 2021 год";
        for (Execution e : records(tver, "1")) {
            boolean sonkovo = inMunicipality(e, "Сонковский муниципальный округ");
            if (sonkovo || e.getId() % 2 == 0) {
                done(e, "Охват участием в ВПР обучающихся 4–8 классов — 100 %.", null, LocalDate.of(2021, 5, 28));
            }
        }
        for (Execution e : records(tver, "3")) {
            if (inMunicipality(e, "Сонковский муниципальный округ")) {
                done(e, "Положение о ВСОКО обновлено, размещено на сайте школы.", "https://example.school.ru/vsoko",
                        LocalDate.of(2022, 6, 1));
            } else if (e.getId() % 2 == 1) {
                inProgress(e, "Разрабатывается новое положение о ВСОКО.", LocalDate.of(2022, 3, 1));
            }
        }

        String sonkovo = "О подготовке к всероссийским проверочным работам 2021 года";
        List<Execution> graphs = records(sonkovo, "1");
        for (int i = 0; i < graphs.size(); i++) {
            if (i != graphs.size() - 1) {
                done(graphs.get(i), "График утверждён приказом директора и размещён на сайте.", "https://example.school.ru/vpr",
                        LocalDate.of(2021, 3, 14));
            }
        }
        List<Execution> observers = records(sonkovo, "2");
        for (int i = 0; i < observers.size(); i++) {
            if (i % 2 == 0) {
                done(observers.get(i), "Общественные наблюдатели присутствовали на всех ВПР.", null, LocalDate.of(2021, 5, 20));
            }
        }
    }

    List<Execution> records(String meetingTitle, String decisionNumber) {
        return entityManager.createQuery("""
                        select e from Execution e join fetch e.orgUnit join e.decision d
                        where d.meetingTitle = :title and d.number = :number order by e.orgUnit.name""", Execution.class)
                .setParameter("title", meetingTitle).setParameter("number", decisionNumber).getResultList();
    }

    static boolean inMunicipality(Execution e, String municipality) {
        return municipality.equals(e.getOrgUnit().getParentName());
    }

    static void done(Execution e, String report, String url, LocalDate on) {
        e.setStatus(ExecutionStatus.DONE);
        e.setReport(report);
        e.setEvidenceUrl(url);
        e.setCompletedAt(on.atTime(15, 0).toInstant(ZoneOffset.UTC));
        e.touched(on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
    }

    private static void notDone(Execution e, String reason, LocalDate on) {
        e.setStatus(ExecutionStatus.NOT_DONE);
        e.setReason(reason);
        e.setCompletedAt(on.atTime(15, 0).toInstant(ZoneOffset.UTC));
        e.touched(on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
    }

    static void inProgress(Execution e, String report, LocalDate on) {
        e.setStatus(ExecutionStatus.IN_PROGRESS);
        e.setReport(report);
        e.touched(on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
    }

    private void report(Execution e, String text, LocalDate on) {
        DecisionFacts decision = meetings.decisions(List.of(e.getDecisionId())).get(e.getDecisionId());
        Period period = e.schedule(decision, List.of()).firstUnreported(e.getReports());
        ExecutionReport report = new ExecutionReport(e, period, text, null, null, on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
        e.getReports().add(report);
        e.setStatus(ExecutionStatus.IN_PROGRESS);
        e.recomputeDueDate(decision, List.of());
        e.touched(on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
    }
}
