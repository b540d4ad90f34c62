package ru.rsoko.plan.domain;

import ru.rsoko.vsoko.VsokoCampaigns;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Tver plan-schedule of 2021, approved by «приказ Министерства образования Тверской области от 10.12.2020
 * № 1131/ПК» (seed 001), with the procedures DOMAIN.md names and a year's course: most done on time, one late,
 * one moved, one cancelled. ProcedureEntity titles and dates are sample content. A short Tomsk plan of 2021 gives the
 * Tomsk decision due «по итогам процедур» its dates.
 */
@Component
class PlanDemoData implements DemoDataSet {

    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final ProcedureTypeRepository types;
    private final ApplicationEventPublisher events;

    private final VsokoCampaigns vsoko;

    PlanDemoData(EntityManager em, JdbcTemplate jdbc, ProcedureTypeRepository types, ApplicationEventPublisher events,
                 VsokoCampaigns vsoko) {
        this.vsoko = vsoko;
        this.em = em;
        this.jdbc = jdbc;
        this.types = types;
        this.events = events;
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load() {
        region("Тверская область").ifPresent(this::tver);
        region("Томская область").ifPresent(this::tomsk);
    }

    private java.util.Optional<Long> region(String name) {
        return jdbc.queryForList("select id from directory_org_unit where type = 'REGION' and name = ?", Long.class, name)
                .stream().findFirst();
    }

    private void tver(long region) {
        PlanEntity plan = approved(region, 2021, "План-график проведения мониторинга качества образования в ОО Тверской области в 2021 году",
                "Министерства образования Тверской области", "1131/ПК", LocalDate.of(2020, 12, 10));
        Long coko = institution(region, "ГБУ ТО ЦОКО");
        Long campaign2021 = vsoko.ofRegion(region).stream().filter(c -> c.year() == 2021).map(VsokoCampaigns.CampaignRef::id)
                .findFirst().orElse(null);

        ProcedureEntity vpr11 = add(plan, "VPR", "Всероссийские проверочные работы в 11 классах", d(2021, 3, 1), d(2021, 3, 26), coko);
        vpr11.setGrades(new Integer[]{11});
        vpr11.setCoverageTarget(null);
        vpr11.setSubjects("история, биология, география, физика, химия, иностранный язык");
        done(vpr11, d(2021, 3, 26), "ВПР в 11 классах проведены по выбору ОО; результаты направлены в МОУО.");

        ProcedureEntity vpr = add(plan, "VPR", "Всероссийские проверочные работы в 4–8 классах", d(2021, 3, 15), d(2021, 5, 21), coko);
        vpr.setSubjects("русский язык, математика, окружающий мир, история, биология, география, обществознание, физика, иностранный язык");
        done(vpr, d(2021, 5, 21), "ВПР проведены во всех ОО в установленные сроки; охват участием — см. раздел «Участие».");

        ProcedureEntity rpr = add(plan, "RPR", "Региональные проверочные работы по математике в 7 классах", d(2021, 2, 8), d(2021, 2, 19), coko);
        rpr.setGrades(new Integer[]{7});
        rpr.setSubjects("математика");
        done(rpr, d(2021, 3, 3), "Проверка работ региональной предметной комиссией завершена с опозданием на две недели.");

        ProcedureEntity teachers = add(plan, "TEACHER_DIFFICULTIES", "Региональная диагностика предметных и методических затруднений учителей",
                d(2021, 4, 5), d(2021, 4, 30), coko);
        teachers.setSubjects("русский язык, математика");
        done(teachers, d(2021, 4, 30), null);

        ProcedureEntity shnor = add(plan, "SHNOR_MONITORING", "Мониторинг эффективности работы школ с низкими образовательными результатами",
                d(2021, 2, 1), d(2021, 6, 30), coko);
        done(shnor, d(2021, 6, 30), "Первые итоги представлены на семинаре-совещании 25.02.2021; итоговый отчёт направлен в МОУО.");

        ProcedureEntity science = add(plan, "FUNCTIONAL_LITERACY", "Исследование естественнонаучной грамотности обучающихся 9 классов",
                d(2021, 9, 20), d(2021, 10, 1), coko);
        science.setGrades(new Integer[]{9});
        done(science, d(2021, 10, 1), null);

        ProcedureEntity diagnostics = add(plan, "REGIONAL_DIAGNOSTICS", "Региональная диагностика обучающихся 10 классов",
                d(2021, 9, 13), d(2021, 9, 24), coko);
        diagnostics.setSubjects("русский язык, математика");
        diagnostics.setMovedStart(d(2021, 10, 11));
        diagnostics.setMovedEnd(d(2021, 10, 22));
        diagnostics.setMovedOn(d(2021, 9, 1));
        done(diagnostics, d(2021, 10, 22), null);

        ProcedureEntity vsoko = add(plan, "VSOKO", "Исследование эффективности внутренних систем оценки качества образования",
                d(2021, 10, 4), d(2021, 10, 29), coko);
        vsoko.setVsokoCampaignId(campaign2021);
        done(vsoko, d(2021, 10, 29), "Результаты исследования опубликованы в разделе «ВСОКО».");

        ProcedureEntity reading = add(plan, "FUNCTIONAL_LITERACY", "Исследование читательской грамотности обучающихся 8 классов",
                d(2021, 11, 15), d(2021, 11, 26), coko);
        reading.setGrades(new Integer[]{8});
        reading.setStatus(ProcedureStatus.CANCELLED);
        reading.setCancelReason("Обучающиеся 8 классов переведены на дистанционное обучение; исследование перенесено в план-график 2022 года.");
        reading.setCancelledOn(d(2021, 11, 8));

        ProcedureEntity management = add(plan, "MANAGEMENT_ANALYSIS", "Анализ муниципальных механизмов управления качеством образования",
                d(2021, 11, 1), d(2021, 12, 15), coko);
        done(management, d(2021, 12, 14), null);
        em.flush();
        events.publishEvent(new PlanScheduleChanged(region));
    }

    private void tomsk(long region) {
        PlanEntity plan = approved(region, 2021, "План-график мониторинговых исследований качества образования в Томской области на 2021 год",
                "Департамента общего образования Томской области", "850-р", LocalDate.of(2020, 12, 25));
        Long toipkro = institution(region, "ТОИПКРО");
        ProcedureEntity vpr = add(plan, "VPR", "Всероссийские проверочные работы в 4–8 классах", d(2021, 3, 15), d(2021, 5, 21), toipkro);
        done(vpr, d(2021, 5, 21), null);
        ProcedureEntity diagnostics = add(plan, "REGIONAL_DIAGNOSTICS", "Диагностические работы в 10 классах", d(2021, 10, 4), d(2021, 10, 15), toipkro);
        done(diagnostics, d(2021, 10, 15), null);
        add(plan, "FUNCTIONAL_LITERACY", "Исследование читательской и естественнонаучной грамотности", d(2021, 11, 15), d(2021, 11, 26), toipkro)
                .setGrades(new Integer[]{8, 9});
        em.flush();
        events.publishEvent(new PlanScheduleChanged(region));
    }

    PlanEntity approved(long region, int year, String title, String issuer, String number, LocalDate date) {
        PlanEntity plan = new PlanEntity(region, year, title);
        plan.setOrderIssuer(issuer);
        plan.setOrderNumber(number);
        plan.setOrderDate(date);
        plan.setStatus(PlanStatus.APPROVED);
        plan.setApprovedAt(date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        em.persist(plan);
        return plan;
    }

    ProcedureEntity add(PlanEntity plan, String typeCode, String title, LocalDate start, LocalDate end, Long responsible) {
        ProcedureType type = types.findForRegion(plan.getRegionId()).stream().filter(t -> t.getCode().equals(typeCode))
                .findFirst().orElseThrow();
        ProcedureEntity p = new ProcedureEntity(plan, type, title, start, end);
        p.setPosition(plan.getProcedures().size() + 1);
        p.setResponsibleId(responsible);
        p.touched(Instant.parse("2020-12-15T09:00:00Z"), "demo");
        plan.getProcedures().add(p);
        em.persist(p);
        return p;
    }

    static void done(ProcedureEntity p, LocalDate on, String summary) {
        p.setStatus(ProcedureStatus.DONE);
        p.setDoneOn(on);
        p.setResultsSummary(summary);
    }

    Long institution(long region, String shortName) {
        List<Long> ids = jdbc.queryForList("select id from directory_org_unit where region_id = ? and type = 'INSTITUTION' and short_name = ?",
                Long.class, region, shortName);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
