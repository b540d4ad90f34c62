package ru.rsoko.dashboard.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.platform.web.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart as the browser draws it and as its table reads: {@code categories} are the table's rows (municipalities,
 * schools, years, months), each series a column. Kinds: {@code stacked} (stacked bars), {@code bars}, {@code line},
 * {@code heatmap} (series are the columns of the map, categories its rows).
 */
public record ChartSpec(String id, String title, String kind, String unit, String categoryHeader,
                        List<String> categories, List<Series> series) {

    public record Series(String name, String color, List<@Nullable Number> data) {
    }

    public @Nullable Number value(int category, int series) {
        return this.series.get(series).data().get(category);
    }

    static final String GREEN = "#198754";
    static final String AMBER = "#ffc107";
    static final String RED = "#dc3545";
    static final String GREY = "#adb5bd";
    static final String BLUE = "#0d6efd";
    static final String TEAL = "#20c997";
    static final String PURPLE = "#6f42c1";

    /** The charts of a dashboard, computed from the same records as its table. */
    public static List<ChartSpec> of(DashboardService.Charts charts) {
        DashboardService.Dashboard d = charts.dashboard();
        String rowHeader = d.byMunicipality() ? "Муниципалитет" : "Школа";
        List<String> names = d.rows().stream().map(r -> r.orgUnit().name()).toList();
        List<ChartSpec> specs = new ArrayList<>();

        specs.add(new ChartSpec("levels", "Уровни ВСОКО " + d.year() + " (число школ)", "stacked", "", rowHeader, names, List.of(
                new Series("сформирована", GREEN, d.rows().stream().<Number>map(r -> r.vsoko().formed()).toList()),
                new Series("частично", AMBER, d.rows().stream().<Number>map(r -> r.vsoko().partial()).toList()),
                new Series("не сформирована", RED, d.rows().stream().<Number>map(r -> r.vsoko().notFormed()).toList()),
                new Series("нет результата", GREY, d.rows().stream().<Number>map(r -> r.vsoko().noResult()).toList()))));

        List<String> years = d.figures().getFirst().trend().stream().map(p -> String.valueOf(p.year())).toList();
        List<Series> trendSeries = new ArrayList<>();
        String[] colours = {GREEN, BLUE, PURPLE, TEAL};
        for (int i = 0; i < d.figures().size(); i++) {
            DashboardService.Figure f = d.figures().get(i);
            trendSeries.add(new Series(f.name(), colours[i % colours.length],
                    f.trend().stream().<@Nullable Number>map(DashboardService.Point::value).toList()));
        }
        specs.add(new ChartSpec("trends", "Показатели по годам, %", "line", "%", "Год", years, trendSeries));

        specs.add(new ChartSpec("executions", "Исполнение поручений на " + Formats.DATE.format(d.today()) + " (число записей)",
                "stacked", "", rowHeader, names, List.of(
                new Series("выполнено", GREEN, d.rows().stream().<Number>map(r -> r.executions().done()).toList()),
                new Series("в работе", BLUE, d.rows().stream().<Number>map(r -> r.executions().inWork()).toList()),
                new Series("не начато", GREY, d.rows().stream().<Number>map(r -> r.executions().notStarted()).toList()),
                new Series("просрочено", RED, d.rows().stream().<Number>map(r -> r.executions().overdue()).toList()))));

        PlanExecution plan = charts.plan();
        List<PlanExecution.Month> months = plan == null ? List.of() : plan.months();
        specs.add(new ChartSpec("plan", "План-график " + d.year() + " по месяцам (число процедур)", "stacked", "", "Месяц",
                months.stream().map(PlanExecution.Month::label).toList(), List.of(
                new Series("в срок", GREEN, months.stream().<Number>map(m -> m.figures().doneOnTime()).toList()),
                new Series("с опозданием", AMBER, months.stream().<Number>map(m -> m.figures().late()).toList()),
                new Series("просрочено", RED, months.stream().<Number>map(m -> m.figures().overdue()).toList()),
                new Series("перенесено", PURPLE, months.stream().<Number>map(m -> m.figures().moved()).toList()),
                new Series("отменено", GREY, months.stream().<Number>map(m -> m.figures().cancelled()).toList()),
                new Series("предстоит", BLUE, months.stream().<Number>map(m -> m.figures().planned()).toList()))));

        DashboardService.Heatmap heat = charts.heatmap();
        List<Series> directions = new ArrayList<>();
        for (int i = 0; i < heat.directions().size(); i++) {
            int column = i;
            directions.add(new Series(heat.directions().get(i), BLUE,
                    heat.shares().stream().<@Nullable Number>map(line -> line.get(column)).toList()));
        }
        specs.add(new ChartSpec("heatmap", "Направления ВСОКО " + d.year() + ": доля набранных баллов, %", "heatmap", "%",
                rowHeader, heat.rows().stream().map(DashboardService.Area::name).toList(), directions));
        specs.add(vpr(charts.vpr(), d));
        return specs;
    }


    /**
     * The ВПР marks of the latest year with results, per subject (all grades): the scope's bar and the region's beside
     * it (only the region's on the regional board), the shares of «2»…«5» in per cent by the one rounding rule.
     */
    private static ChartSpec vpr(ru.rsoko.results.ProcedureResults.@Nullable Distribution vpr, DashboardService.Dashboard d) {
        List<String> categories = new ArrayList<>();
        List<List<@Nullable Number>> shares = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (vpr != null) {
            for (ru.rsoko.results.ProcedureResults.SubjectMarks s : vpr.subjects()) {
                if (!d.byMunicipality()) {
                    categories.add(s.subject().label() + ": " + d.scope().name());
                    add(shares, s.scope());
                }
                categories.add(s.subject().label() + ": регион");
                add(shares, s.region());
            }
        }
        String title = vpr == null ? "Результаты ВПР: нет данных" : "Результаты ВПР " + vpr.year() + ": доли отметок, %";
        return new ChartSpec("vpr", title, "stacked", "%", "Предмет", categories, List.of(
                new Series("«2»", RED, shares.get(0)), new Series("«3»", AMBER, shares.get(1)),
                new Series("«4»", TEAL, shares.get(2)), new Series("«5»", GREEN, shares.get(3))));
    }

    private static void add(List<List<@Nullable Number>> shares, ru.rsoko.results.ProcedureResults.Marks m) {
        long[] marks = {m.mark2(), m.mark3(), m.mark4(), m.mark5()};
        for (int i = 0; i < 4; i++) {
            shares.get(i).add(ru.rsoko.platform.web.Share.of(marks[i], m.participants(), "участников").percent());
        }
    }
}
