package ru.rsoko.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.dashboard.domain.ChartSpec;
import ru.rsoko.dashboard.domain.DashboardService;
import ru.rsoko.dashboard.domain.DashboardService.Dashboard;
import ru.rsoko.dashboard.domain.DashboardService.Row;
import ru.rsoko.dashboard.domain.RiskLevel;
import ru.rsoko.dashboard.domain.Settings;
import ru.rsoko.dashboard.domain.SettingsService;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.Partials;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dashboards of regional and municipal staff, the schools at risk behind them, a school's profile, the settings. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final SettingsService settings;
    private final Formats formats;

    DashboardController(DashboardService dashboards, SettingsService settings, Formats formats) {
        this.dashboards = dashboards;
        this.settings = settings;
        this.formats = formats;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Long municipalityId, @RequestParam(required = false) Long regionId,
                     HtmxRequest htmx, Model model) {
        Dashboard d = dashboards.dashboard(user, regionId, municipalityId, year);
        model.addAttribute("d", d);
        model.addAttribute("query", query(d.scope(), d.byMunicipality(), d.year(), regionId));
        model.addAttribute("canKeep", SettingsService.keeps(user));
        // the home pages of regional and municipal staff load the board into themselves
        return Partials.pageOr(htmx, "dashboard/board", "board");
    }

    @GetMapping("/dashboard.xlsx")
    void dashboardXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) Long municipalityId, @RequestParam(required = false) Long regionId,
                       HttpServletResponse response) throws IOException {
        Dashboard d = dashboards.dashboard(user, regionId, municipalityId, year);
        XlsxTable<Row> table = XlsxTable.of("Панель " + d.year(), Row.class)
                .column(d.byMunicipality() ? "Муниципалитет" : "Школа", 40, r -> r.orgUnit().name())
                .column("Школ", 8, Row::schools)
                .column("ВСОКО: сформирована", 12, r -> r.vsoko().formed())
                .column("частично", 10, r -> r.vsoko().partial())
                .column("не сформирована", 12, r -> r.vsoko().notFormed())
                .column("нет результата", 12, r -> r.vsoko().noResult())
                .column("Доля «сформирована», %", 12, r -> r.vsoko().formedShare())
                .column("Поручений", 10, r -> r.executions().total())
                .column("выполнено", 10, r -> r.executions().done())
                .column("в работе", 10, r -> r.executions().inWork())
                .column("просрочено", 10, r -> r.executions().overdue())
                .column("Обучающихся", 12, r -> r.coverage().pupils())
                .column("Участников", 12, r -> r.coverage().participants())
                .column("Охват, %", 10, r -> r.coverage().coverage())
                .column("Школ ниже цели", 10, r -> r.coverage().schoolsUnderTarget())
                .column("Школ без наблюдателей", 12, r -> r.coverage().schoolsWithoutObservers())
                .column("ШНОР", 8, r -> r.lists().lowResults())
                .column("Признаки необъективности", 12, r -> r.lists().nonObjective())
                .column("Риск высокий", 10, r -> r.risk().high())
                .column("средний", 10, r -> r.risk().medium())
                .column("низкий", 10, r -> r.risk().low());
        List<Row> rows = new ArrayList<>(d.rows());
        rows.add(d.total());
        try (OutputStream out = XlsxDownload.start(response, "Панель показателей " + d.scope().name() + " " + d.year() + ".xlsx")) {
            table.zone(formats.zone()).write(out, rows);
        }
    }

    /** The charts' JSON for the page's own script (the page's session; the API under /api/v1 answers the same). */
    @GetMapping(value = "/dashboard/charts", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    List<ChartSpec> charts(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Long municipalityId, @RequestParam(required = false) Long regionId) {
        return ChartSpec.of(dashboards.charts(user, regionId, municipalityId, year));
    }

    record ChartLine(String category, List<@Nullable Number> values) {
    }

    @GetMapping("/dashboard/charts/{chart}.xlsx")
    void chartXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable String chart,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) Long municipalityId,
                   @RequestParam(required = false) Long regionId, HttpServletResponse response) throws IOException {
        ChartSpec spec = ChartSpec.of(dashboards.charts(user, regionId, municipalityId, year)).stream()
                .filter(c -> c.id().equals(chart)).findFirst().orElseThrow(() -> NotFoundException.of("Диаграмма", chart));
        XlsxTable<ChartLine> table = XlsxTable.of(spec.title(), ChartLine.class).column(spec.categoryHeader(), 40, ChartLine::category);
        for (int i = 0; i < spec.series().size(); i++) {
            int column = i;
            table.column(spec.series().get(i).name() + (spec.unit().isEmpty() ? "" : ", " + spec.unit()), 14,
                    line -> line.values().get(column));
        }
        List<ChartLine> lines = new ArrayList<>();
        for (int c = 0; c < spec.categories().size(); c++) {
            List<@Nullable Number> values = new ArrayList<>();
            for (int s = 0; s < spec.series().size(); s++) {
                values.add(spec.value(c, s));
            }
            lines.add(new ChartLine(spec.categories().get(c), values));
        }
        try (OutputStream out = XlsxDownload.start(response, spec.title() + ".xlsx")) {
            table.zone(formats.zone()).write(out, lines);
        }
    }

    @GetMapping("/dashboard/risk")
    String risk(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long municipalityId, @RequestParam(required = false) Long regionId,
                @RequestParam(required = false) RiskLevel level, Model model) {
        DashboardService.SchoolRisks risks = dashboards.risks(user, regionId, municipalityId, year, level);
        model.addAttribute("d", risks);
        model.addAttribute("level", level);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("schools", risks.schools());
        model.addAttribute("query", query(risks.scope(), risks.byMunicipality(), risks.year(), regionId));
        return "dashboard/risk";
    }

    @GetMapping("/dashboard/risk.xlsx")
    void riskXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Long municipalityId, @RequestParam(required = false) Long regionId,
                  @RequestParam(required = false) RiskLevel level, HttpServletResponse response) throws IOException {
        List<DashboardService.SchoolRisk> schools = dashboards.risks(user, regionId, municipalityId, year, level).schools();
        XlsxTable<DashboardService.SchoolRisk> table = XlsxTable.of("Риск", DashboardService.SchoolRisk.class)
                .column("Школа", 50, DashboardService.SchoolRisk::name)
                .column("Муниципалитет", 30, DashboardService.SchoolRisk::municipalityName)
                .column("Уровень риска", 14, r -> r.risk().level().label())
                .column("Баллов", 8, r -> r.risk().score())
                .column("Причины", 100, r -> String.join("; ", r.risk().reasons().stream()
                        .map(x -> x.text() + " (" + x.weight() + ")").toList()));
        try (OutputStream out = XlsxDownload.start(response, "Школы по уровню риска.xlsx")) {
            table.zone(formats.zone()).write(out, schools);
        }
    }

    @GetMapping("/schools/{id}/profile")
    String profile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        // issue 17: the school's ВПР results by year with the region's beside (one statement, the same transaction)
        DashboardService.ProfileWithResults page = dashboards.profileWithResults(user, id);
        model.addAttribute("p", page.profile());
        model.addAttribute("vpr", page.vpr());
        return "dashboard/profile";
    }

    record ProfileLine(String section, @Nullable Integer year, String item, @Nullable Object value) {
    }

    @GetMapping("/schools/{id}/profile.xlsx")
    void profileXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        DashboardService.Profile p = dashboards.profile(user, id);
        List<ProfileLine> lines = new ArrayList<>();
        lines.add(new ProfileLine("Риск", p.year(), "Уровень риска", p.risk().level().label()));
        p.risk().reasons().forEach(r -> lines.add(new ProfileLine("Риск", p.year(), r.text(), r.weight())));
        p.vsoko().forEach(v -> lines.add(new ProfileLine("ВСОКО", v.year(), v.campaignName(),
                v.level() == null ? v.status().label() : v.level().label() + " (" + v.percent() + " %)")));
        p.lists().forEach(l -> lines.add(new ProfileLine("Списки", l.year(), l.kind().label(), "да")));
        var c = p.executions().counts();
        lines.add(new ProfileLine("Поручения", null, "всего", c.total()));
        lines.add(new ProfileLine("Поручения", null, "выполнено", c.done()));
        lines.add(new ProfileLine("Поручения", null, "просрочено", c.overdue()));
        p.coverage().forEach(x -> lines.add(new ProfileLine("Охват", x.year(), x.procedure(),
                x.coverage() == null ? x.missing() : x.coverage())));
        XlsxTable<ProfileLine> table = XlsxTable.of("Профиль", ProfileLine.class)
                .column("Раздел", 14, ProfileLine::section)
                .column("Год", 8, ProfileLine::year)
                .column("Что", 70, ProfileLine::item)
                .column("Значение", 30, ProfileLine::value);
        try (OutputStream out = XlsxDownload.start(response, "Профиль " + p.school().displayName() + ".xlsx")) {
            table.zone(formats.zone()).write(out, lines);
        }
    }

    @GetMapping("/dashboard/settings")
    String settingsForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireKeeper(user);
        model.addAttribute("s", settings.of(user.regionId()));
        model.addAttribute("history", settings.history(user.regionId()));
        return "dashboard/settings";
    }

    @PostMapping("/dashboard/settings")
    String saveSettings(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model,
                        RedirectAttributes redirect) {
        requireKeeper(user);
        try {
            settings.save(user, parse(form));
            redirect.addFlashAttribute("message", "Пороговые значения и правила риска сохранены");
            return "redirect:/dashboard/settings";
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            model.addAttribute("s", settings.of(user.regionId()));
            model.addAttribute("entered", form);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e instanceof RuleViolationException r ? r.field() : null);
            model.addAttribute("history", settings.history(user.regionId()));
            return "dashboard/settings";
        }
    }

    @GetMapping("/dashboard/settings/history.xlsx")
    void settingsHistory(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        requireKeeper(user);
        try (OutputStream out = XlsxDownload.start(response, "История настроек панели.xlsx")) {
            HistoryTable.write(out, settings.history(user.regionId()), formats);
        }
    }

    private static void requireKeeper(CurrentUser user) {
        if (!SettingsService.keeps(user)) {
            throw RuleViolationException.forbidden("Настройки панели ведут сотрудники региона");
        }
    }

    /** The form's fields as settings; a field that is not a number is refused with its name. */
    static Settings parse(Map<String, String> f) {
        return new Settings(decimal(f, "formedGreen"), decimal(f, "formedRed"), decimal(f, "overdueGreen"),
                decimal(f, "overdueRed"), decimal(f, "coverageAmberGap"), decimal(f, "riskGreen"), decimal(f, "riskRed"),
                integer(f, "weightVsokoNotFormed"), integer(f, "weightVsokoPartial"), integer(f, "weightVsokoNotSubmitted"),
                integer(f, "weightOverdue"), integer(f, "overdueCap"), integer(f, "weightLowResults"),
                integer(f, "weightNonObjective"), integer(f, "weightUnderTarget"), integer(f, "weightNoObservers"),
                integer(f, "lookbackYears"), integer(f, "mediumFrom"), integer(f, "highFrom"),
                (long) integer(f, "version"));
    }

    private static BigDecimal decimal(Map<String, String> f, String name) {
        String text = f.getOrDefault(name, "").replace("%", "").replace(',', '.').replace(" ", "").strip();
        if (text.isEmpty() || text.length() > 10) {
            throw RuleViolationException.field(name, "Укажите число процентов, например 75 или 7,5");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw RuleViolationException.field(name, "Укажите число процентов, например 75 или 7,5");
        }
    }

    private static int integer(Map<String, String> f, String name) {
        String text = f.getOrDefault(name, "").replace(" ", "").strip();
        if (text.isEmpty() || text.length() > 6) {
            throw RuleViolationException.field(name, "Укажите целое число");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RuleViolationException.field(name, "Укажите целое число");
        }
    }

    /** The query string that keeps the dashboard's region, municipality and year in links. */
    private static String query(DashboardService.Area scope, boolean byMunicipality, int year, @Nullable Long regionId) {
        StringBuilder q = new StringBuilder("year=").append(year);
        if (!byMunicipality) {
            q.append("&municipalityId=").append(scope.id());
        }
        if (regionId != null) {
            q.append("&regionId=").append(regionId);
        }
        return q.toString();
    }
}
