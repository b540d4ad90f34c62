package ru.rsoko.plan.domain;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Tver's plan-schedule of the current year (today's year in the region, by the application's clock), its procedures
 * placed around today: ВПР and the teachers' diagnostics done on time, РПР done late, the study of natural-science
 * literacy overdue and not done, the ВСОКО study under way with this year's campaign, the 10th-grade diagnostics and the
 * analysis of municipal mechanisms ahead. The ВПР of grades 4–8 aims at 95 % coverage with observers required, so the
 * participation demo has something to measure. A region that already has a plan of the year keeps it.
 */
@Component
class PlanCurrentYearDemoData implements DemoDataSet {

    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    private final PlanDemoData plans;
    private final PlanRepository repository;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final VsokoCampaigns vsoko;
    private final Clock clock;

    PlanCurrentYearDemoData(PlanDemoData plans, PlanRepository repository, JdbcTemplate jdbc, ApplicationEventPublisher events,
                            VsokoCampaigns vsoko, Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
        this.vsoko = vsoko;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "plans-current-year";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public void load() {
        java.util.Optional<ru.rsoko.directory.OrgUnit> found = ru.rsoko.directory.DemoOrganisations.region(directory,
                ru.rsoko.directory.DemoOrganisations.TVER);
        if (found.isEmpty()) {
            return;
        }
        long region = found.get().id();
        DemoCalendar calendar = DemoCalendar.of(clock, java.util.Objects.requireNonNull(found.get().zone()));
        int year = calendar.year();
        if (repository.findByRegionIdAndYear(region, year).isPresent()) {
            return;
        }
        PlanEntity plan = plans.approved(region, year,
                "План-график проведения мониторинга качества образования в ОО Тверской области в " + year + " году",
                "Министерства образования Тверской области", "1204/ПК", LocalDate.of(year - 1, 12, 12));
        Long coko = plans.institution(region, "ГБУ ТО ЦОКО");
        Long campaign = vsoko.ofRegion(region).stream().filter(c -> c.year() == year).map(VsokoCampaigns.CampaignRef::id)
                .findFirst().orElse(null);

        ProcedureEntity rpr = add(calendar, plan, "RPR", "Региональные проверочные работы по математике в 7 классах", -200, -190, coko);
        rpr.setGrades(new Integer[]{7});
        rpr.setSubjects("математика");
        done(calendar, rpr, rpr.getPeriodEnd().plusDays(12), "Проверка работ региональной предметной комиссией завершена с опозданием.");

        ProcedureEntity vpr11 = add(calendar, plan, "VPR", "Всероссийские проверочные работы в 11 классах", -170, -150, coko);
        vpr11.setGrades(new Integer[]{11});
        vpr11.setCoverageTarget(null);
        vpr11.setSubjects("история, биология, география, физика, химия");
        done(calendar, vpr11, vpr11.getPeriodEnd(), "ВПР в 11 классах проведены по выбору ОО.");

        ProcedureEntity vpr = add(calendar, plan, "VPR", "Всероссийские проверочные работы в 4–8 классах", -150, -100, coko);
        vpr.setGrades(new Integer[]{4, 5, 6, 7, 8});
        vpr.setCoverageTarget(new BigDecimal("95"));
        vpr.setObserversRequired(true);
        vpr.setSubjects("русский язык, математика, окружающий мир, история, биология, география, обществознание");
        done(calendar, vpr, vpr.getPeriodEnd(), "ВПР проведены во всех ОО; охват и наблюдатели — см. раздел «Участие».");

        ProcedureEntity teachers = add(calendar, plan, "TEACHER_DIFFICULTIES",
                "Региональная диагностика предметных и методических затруднений учителей", -90, -70, coko);
        teachers.setSubjects("русский язык, математика");
        done(calendar, teachers, teachers.getPeriodEnd(), null);

        add(calendar, plan, "SHNOR_MONITORING", "Мониторинг эффективности работы школ с низкими образовательными результатами",
                -240, 25, coko);

        add(calendar, plan, "FUNCTIONAL_LITERACY", "Исследование естественнонаучной грамотности обучающихся 9 классов", -30, -12, coko)
                .setGrades(new Integer[]{9});

        add(calendar, plan, "VSOKO", "Исследование эффективности внутренних систем оценки качества образования", -28, 21, coko)
                .setVsokoCampaignId(campaign);

        add(calendar, plan, "REGIONAL_DIAGNOSTICS", "Региональная диагностика обучающихся 10 классов", 10, 20, coko)
                .setSubjects("русский язык, математика");

        add(calendar, plan, "MANAGEMENT_ANALYSIS", "Анализ муниципальных механизмов управления качеством образования", 14, 27, coko);
        repository.flush();
        events.publishEvent(new PlanScheduleChanged(region));
    }

    private ProcedureEntity add(DemoCalendar calendar, PlanEntity plan, String type, String title, int from, int to, Long responsible) {
        DemoCalendar.Span span = calendar.span(from, to);
        ProcedureEntity p = plans.add(plan, type, title, span.start(), span.end(), responsible);
        p.touched(plan.getOrderDate().plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC), "demo");
        return p;
    }

    /** Done on the day, if that day has passed; near New Year a period moved into the year may not have ended yet. */
    private static void done(DemoCalendar calendar, ProcedureEntity p, LocalDate on, String summary) {
        if (calendar.passed(on)) {
            PlanDemoData.done(p, on, summary);
            p.touched(on.atTime(15, 0).toInstant(ZoneOffset.UTC), "demo");
        } else {
            p.setStatus(ProcedureStatus.PLANNED);
        }
    }
}
