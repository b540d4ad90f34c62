package ru.rsoko.dashboard.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.dashboard.domain.ChartSpec;
import ru.rsoko.dashboard.domain.DashboardService;
import ru.rsoko.dashboard.domain.DashboardService.Dashboard;
import ru.rsoko.dashboard.domain.DashboardService.Figure;
import ru.rsoko.dashboard.domain.DashboardService.Point;
import ru.rsoko.dashboard.domain.DashboardService.Profile;
import ru.rsoko.dashboard.domain.DashboardService.Row;
import ru.rsoko.dashboard.domain.RiskLevel;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.vsoko.Level;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Панель показателей и профиль школы")
class DashboardApiController {

    record AreaJson(long id, String name, OrgUnitType type) {
        static AreaJson of(DashboardService.Area a) {
            return new AreaJson(a.id(), a.name(), a.type());
        }
    }

    record VsokoJson(@Nullable Long campaignId, @JsonProperty("FORMED") long formed, @JsonProperty("PARTIAL") long partial,
                     @JsonProperty("NOT_FORMED") long notFormed, @JsonProperty("NO_RESULT") long noResult) {
    }

    record ExecutionsJson(long total, long done, long inWork, long overdue, long notStarted, long notDone) {
    }

    record CoverageJson(@Nullable Long procedureId, long pupils, long participants, @Nullable BigDecimal coverage,
                        long schoolsUnderTarget, long schoolsWithoutObservers, long schoolsWithoutData) {
    }

    record ListsJson(@JsonProperty("LOW_RESULTS") long lowResults, @JsonProperty("NON_OBJECTIVE") long nonObjective) {
    }

    record RiskJson(@JsonProperty("HIGH") long high, @JsonProperty("MEDIUM") long medium, @JsonProperty("LOW") long low) {
    }

    record RowJson(AreaJson orgUnit, long schools, VsokoJson vsoko, ExecutionsJson executions, CoverageJson coverage,
                   ListsJson lists, RiskJson risk) {
        static RowJson of(Row r) {
            var e = r.executions();
            var c = r.coverage();
            return new RowJson(AreaJson.of(r.orgUnit()), r.schools(),
                    new VsokoJson(r.vsoko().campaignId(), r.vsoko().formed(), r.vsoko().partial(), r.vsoko().notFormed(),
                            r.vsoko().noResult()),
                    new ExecutionsJson(e.total(), e.done(), e.inWork(), e.overdue(), e.notStarted(), e.notDone()),
                    new CoverageJson(c.procedureId(), c.pupils(), c.participants(), c.coverage(), c.schoolsUnderTarget(),
                            c.schoolsWithoutObservers(), c.schoolsWithoutData()),
                    new ListsJson(r.lists().lowResults(), r.lists().nonObjective()),
                    new RiskJson(r.risk().high(), r.risk().medium(), r.risk().low()));
        }
    }

    record PointJson(int year, @Nullable BigDecimal value) {
    }

    record DashboardJson(AreaJson scope, int year, LocalDate today, List<RowJson> rows, RowJson total,
                         Map<String, List<PointJson>> trends, Map<String, List<PointJson>> regionTrends,
                         Map<String, String> denominators) {
    }

    record MunicipalityJson(long id, String name) {
    }

    record SchoolJson(long id, String name, @Nullable MunicipalityJson municipality) {
    }

    record VsokoYearJson(int year, long campaignId, boolean preliminary, @Nullable Level level, @Nullable BigDecimal percent,
                         @Nullable BigDecimal points, @Nullable BigDecimal maxPoints, List<String> weakDirections) {
    }

    record ListJson(int year, ListKind kind) {
    }

    record ItemJson(long id, String decision, @Nullable LocalDate dueDate, String status, boolean overdue) {
    }

    record ProfileExecutionsJson(long total, long done, long inWork, long overdue, List<ItemJson> items) {
    }

    record CoverageYearJson(int year, long procedureId, String procedure, @Nullable BigDecimal coverage,
                            @Nullable BigDecimal target, boolean underTarget, boolean observers) {
    }

    record ReasonJson(String text, int weight) {
    }

    record ProfileRiskJson(RiskLevel level, int score, List<String> reasons, List<ReasonJson> weights) {
    }

    record ProfileJson(SchoolJson school, List<VsokoYearJson> vsoko, List<ListJson> lists,
                       ProfileExecutionsJson executions, List<CoverageYearJson> coverage, ProfileRiskJson risk) {
    }

    private final DashboardService dashboards;

    DashboardApiController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(summary = "Панель показателей: строка на муниципалитет (регион) или школу (муниципалитет)",
            description = "Без year — текущий год в часовом поясе региона. executions — записи исполнения поручений на "
                    + "сегодня (все решения), как их считает GET /api/v1/executions; vsoko — школы по уровням кампании "
                    + "года (NO_RESULT — участвуют, самооценка не представлена); coverage — процедуры плана года с "
                    + "целевым охватом; lists — школы в списках года; risk — школы по уровню риска. municipalityId — "
                    + "панель муниципалитета для сотрудников региона; regionId — регион для администратора всех регионов.")
    DashboardJson dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) Long municipalityId,
                            @RequestParam(required = false) Long regionId) {
        Dashboard d = dashboards.dashboard(user, regionId, municipalityId, year);
        Map<String, String> denominators = new LinkedHashMap<>();
        d.figures().forEach(f -> denominators.put(f.key(), f.denominator()));
        return new DashboardJson(AreaJson.of(d.scope()), d.year(), d.today(), d.rows().stream().map(RowJson::of).toList(),
                RowJson.of(d.total()), trends(d.figures()), trends(d.regionFigures()), denominators);
    }

    @GetMapping("/api/v1/dashboard/charts")
    @Operation(summary = "Данные диаграмм панели: категории (строки таблицы) и ряды (столбцы)")
    List<ChartSpec> charts(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Long municipalityId,
                           @RequestParam(required = false) Long regionId) {
        return ChartSpec.of(dashboards.charts(user, regionId, municipalityId, year));
    }

    @GetMapping("/api/v1/schools/{id}/profile")
    @Operation(summary = "Профиль школы: ВСОКО по годам, списки, поручения, охват и уровень риска с причинами",
            description = "404 — школа вне области видимости вызывающего.")
    ProfileJson profile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Profile p = dashboards.profile(user, id);
        var school = new SchoolJson(p.school().id(), p.school().name(), p.municipality() == null ? null
                : new MunicipalityJson(p.municipality().id(), p.municipality().displayName()));
        var counts = p.executions().counts();
        return new ProfileJson(school,
                p.vsoko().stream().map(v -> new VsokoYearJson(v.year(), v.campaignId(), v.preliminary(), v.level(),
                        v.percent(), v.points(), v.maxPoints(), v.weakDirections())).toList(),
                p.lists().stream().map(l -> new ListJson(l.year(), l.kind())).toList(),
                new ProfileExecutionsJson(counts.total(), counts.done(), counts.inWork(), counts.overdue(),
                        p.executions().items().stream().map(e -> new ItemJson(e.id(), e.decision().text(), e.dueDate(),
                                e.status().name(), e.isOverdue(p.today()))).toList()),
                p.coverage().stream().map(c -> new CoverageYearJson(c.year(), c.procedureId(), c.procedure(),
                        c.coverage(), c.target(), c.underTarget(), c.observers())).toList(),
                new ProfileRiskJson(p.risk().level(), p.risk().score(),
                        p.risk().reasons().stream().map(r -> r.text()).toList(),
                        p.risk().reasons().stream().map(r -> new ReasonJson(r.text(), r.weight())).toList()));
    }

    private static Map<String, List<PointJson>> trends(List<Figure> figures) {
        Map<String, List<PointJson>> trends = new LinkedHashMap<>();
        for (Figure f : figures) {
            trends.put(f.key(), f.trend().stream().map((Point p) -> new PointJson(p.year(), p.value())).toList());
        }
        return trends;
    }
}
