package ru.rsoko.vsoko.result;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.vsoko.Level;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The results of a campaign as people read them: the region by municipality, a municipality by school, one
 * school with what to improve first; every table also as .xlsx.
 */
@Controller
class ResultController {

    private final ResultService results;
    private final Formats formats;

    ResultController(ResultService results, Formats formats) {
        this.results = results;
        this.formats = formats;
    }

    @GetMapping("/vsoko/campaigns/{id}/results")
    String results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        if (user.is(Role.SCHOOL)) {
            results.requireVisible(user, id);
            return "redirect:/vsoko/campaigns/" + id + "/results/schools/" + user.orgUnitId();
        }
        if (user.is(Role.MUNICIPALITY)) {
            return municipality(user, id, user.municipalityId(), model);
        }
        ResultService.CampaignResults r = results.byMunicipality(user, id);
        model.addAttribute("r", r);
        return "vsoko/result-region";
    }

    @GetMapping("/vsoko/campaigns/{id}/results/municipalities/{municipalityId}")
    String municipality(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long municipalityId,
                        Model model) {
        ResultService.CampaignResults r = results.municipality(user, id, municipalityId);
        model.addAttribute("r", r);
        model.addAttribute("area", r.municipalities().getFirst());
        model.addAttribute("regionLevel", ResultService.seesPreliminary(user));
        return "vsoko/result-municipality";
    }

    @GetMapping("/vsoko/campaigns/{id}/results/schools/{schoolId}")
    String school(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId, Model model) {
        ResultService.SchoolReport report = results.school(user, id, schoolId);
        model.addAttribute("report", report);
        model.addAttribute("s", report.result());
        model.addAttribute("upToMunicipality", !user.is(Role.SCHOOL) && report.result().municipalityId() != null);
        return "vsoko/result-school";
    }

    @GetMapping("/vsoko/campaigns/{id}/results.xlsx")
    void resultsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ResultService.CampaignResults r = results.byMunicipality(user, id);
        List<ResultService.AreaResult> rows = new java.util.ArrayList<>(r.municipalities());
        rows.add(r.total());
        areaTable(r).write(XlsxDownload.start(response, "Результаты ВСОКО по муниципалитетам.xlsx"), rows);
    }

    @GetMapping("/vsoko/campaigns/{id}/results/municipalities/{municipalityId}.xlsx")
    void municipalityXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @PathVariable long municipalityId, HttpServletResponse response) throws IOException {
        ResultService.CampaignResults r = results.municipality(user, id, municipalityId);
        schoolTable(r.directions(), r.comparison() != null)
                .write(XlsxDownload.start(response, "Результаты ВСОКО " + r.municipalities().getFirst().name() + ".xlsx"),
                        r.schools());
    }

    @GetMapping("/vsoko/campaigns/{id}/results/schools.xlsx")
    void schoolsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ResultService.Shape shape = results.shape(user, id);
        schoolTable(shape.directions(), shape.compared())
                .write(XlsxDownload.start(response, "Результаты ВСОКО по школам.xlsx"),
                        sink -> results.forEachSchool(user, id, sink::accept));
    }

    @GetMapping("/vsoko/campaigns/{id}/results/schools/{schoolId}.xlsx")
    void schoolXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                    HttpServletResponse response) throws IOException {
        ResultService.SchoolReport report = results.school(user, id, schoolId);
        ResultService.SchoolResult s = report.result();
        record Line(String what, String level, BigDecimal percent, BigDecimal earned, BigDecimal max) {
        }
        List<Line> lines = new java.util.ArrayList<>();
        if (s.hasResult()) {
            lines.add(new Line("Итого", s.overall().level().label(), s.overall().percent(), s.overall().earned(),
                    s.overall().max()));
            for (int i = 0; i < report.directions().size(); i++) {
                ResultService.DirectionInfo d = report.directions().get(i);
                ResultService.Score score = s.directions().get(i);
                lines.add(new Line(d.header(), score.level().label(), score.percent(), score.earned(),
                        score.max()));
            }
        }
        XlsxTable.of("Результат школы", Line.class).zone(formats.zone())
                .column("Направление", 70, Line::what)
                .column("Уровень", 24, Line::level)
                .column("Результат, %", 12, Line::percent)
                .column("Баллы", 10, Line::earned)
                .column("Из баллов", 10, Line::max)
                .write(XlsxDownload.start(response, "Результат ВСОКО " + s.schoolName() + ".xlsx"), lines);
    }

    private XlsxTable<ResultService.AreaResult> areaTable(ResultService.CampaignResults r) {
        XlsxTable<ResultService.AreaResult> table = XlsxTable.of("По муниципалитетам", ResultService.AreaResult.class)
                .zone(formats.zone())
                .column("Муниципалитет", 36, ResultService.AreaResult::name)
                .column("Школ", 8, ResultService.AreaResult::participants)
                .column("Представили", 12, ResultService.AreaResult::withResult)
                .column("Не представили", 12, ResultService.AreaResult::notSubmitted);
        for (Level level : Level.values()) {
            table.column(capital(level.label()) + ", ОО", 14, a -> a.count(level))
                    .column(capital(level.label()) + ", %", 14, a -> a.share(level));
        }
        table.column("Средний балл, %", 12, ResultService.AreaResult::averageScore);
        for (ResultService.DirectionInfo d : r.directions()) {
            int index = r.directions().indexOf(d);
            table.column(d.header() + ", %", 18, a -> a.directionAverages().get(index).percent());
        }
        table.column("Слабые направления", 40, a -> weakest(a));
        if (r.comparison() != null) {
            table.column("Прошлая кампания, %", 14, a -> a.change() == null ? null : a.change().previous())
                    .column("Сейчас (те же показатели), %", 14, a -> a.change() == null ? null : a.change().current())
                    .column("Изменение", 12, a -> a.change() == null ? null : a.change().delta());
        }
        return table;
    }

    private XlsxTable<ResultService.SchoolResult> schoolTable(List<ResultService.DirectionInfo> directions, boolean compared) {
        XlsxTable<ResultService.SchoolResult> table = XlsxTable.of("По школам", ResultService.SchoolResult.class)
                .zone(formats.zone())
                .column("Муниципалитет", 24, ResultService.SchoolResult::municipalityName)
                .column("Школа", 40, ResultService.SchoolResult::schoolName)
                .column("Самооценка", 16, s -> s.status().label())
                .column("Уровень", 22, s -> s.hasResult() ? s.level().label() : null)
                .column("Итого, %", 10, s -> s.hasResult() ? s.overall().percent() : null)
                .column("Баллы", 10, s -> s.hasResult() ? s.overall().earned() : null);
        for (int i = 0; i < directions.size(); i++) {
            int index = i;
            table.column(directions.get(i).header() + ", %", 18,
                    s -> s.hasResult() ? s.directions().get(index).percent() : null);
        }
        if (compared) {
            table.column("Прошлая кампания, %", 14, s -> s.change() == null ? null : s.change().previous())
                    .column("Сейчас (те же показатели), %", 14, s -> s.change() == null ? null : s.change().current())
                    .column("Уровень был", 20, s -> s.change() == null || s.change().previousLevel() == null ? null
                            : s.change().previousLevel().label())
                    .column("Уровень стал", 20, s -> s.change() == null || s.change().currentLevel() == null ? null
                            : s.change().currentLevel().label());
        }
        return table;
    }

    static String weakest(ResultService.AreaResult a) {
        return String.join("; ", a.weakest().stream()
                .map(w -> w.direction().header() + " — " + ResultNumbers.text(w.percent()) + " %").toList());
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
