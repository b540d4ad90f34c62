package ru.rsoko.results.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Share;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.results.domain.ProcedureResultService;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The results' pages: a procedure's report (the region, its municipalities and a page of its schools, each row with
 * the region's figures beside), and a school's results year over year. Every table downloads as .xlsx.
 */
@Controller
class ProcedureResultController {

    private final ProcedureResultService results;
    private final ru.rsoko.platform.web.Formats formats;

    ProcedureResultController(ProcedureResultService results, ru.rsoko.platform.web.Formats formats) {
        this.results = results;
        this.formats = formats;
    }

    @GetMapping("/results")
    String report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long procedureId,
                  @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
                  @RequestParam(required = false) Long municipalityId, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        ProcedureResultService.ReportPage reportPage = results.reportPage(user, procedureId, subject, grade, municipalityId, page);
        List<Procedure> procedures = reportPage.procedures();
        model.addAttribute("procedures", procedures);
        ProcedureResultService.Report report = reportPage.report();
        Long chosen = report == null ? null : report.procedure().id();
        if (report != null) {
            model.addAttribute("report", report);
            if (procedures.stream().noneMatch(p -> p.id() == report.procedure().id())) {
                List<Procedure> all = new ArrayList<>(procedures);
                all.addFirst(report.procedure());
                model.addAttribute("procedures", all);
            }
            model.addAttribute("schoolPage", new PageImpl<>(report.schools(), PageRequest.of(report.page(), ProcedureResultService.PAGE),
                    report.schoolRows()));
            model.addAttribute("canUpload", ProcedureResultService.canWrite(user, report.procedure()));
            model.addAttribute("municipality", municipalityId == null ? null : report.municipalities().stream()
                    .filter(m -> m.orgId() == municipalityId).map(ProcedureResultService.Row::orgName).findFirst().orElse(null));
        }
        model.addAttribute("procedureId", chosen);
        model.addAttribute("subject", subject);
        model.addAttribute("chosenSubject", ru.rsoko.results.Subject.parse(subject));
        model.addAttribute("grade", grade);
        model.addAttribute("municipalityId", municipalityId);
        return "results/report";
    }

    @GetMapping("/results.xlsx")
    void reportXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam long procedureId,
                    @RequestParam(defaultValue = "school") String by, @RequestParam(required = false) String subject,
                    @RequestParam(required = false) Integer grade, @RequestParam(required = false) Long municipalityId,
                    HttpServletResponse response) throws IOException {
        String level = switch (by) {
            case "region", "municipality", "year" -> by;
            default -> "school";
        };
        Procedure procedure = results.procedure(user, procedureId);
        if (level.equals("year")) {
            List<ProcedureResultService.Row> rows = results.years(user, procedure, subject == null || subject.isBlank()
                    ? null : subject, grade, municipalityId).stream().map(ProcedureResultService.YearRow::row).toList();
            XlsxTable<ProcedureResultService.Row> table = XlsxTable.of("По годам", ProcedureResultService.Row.class);
            table.column("Год", 8, ProcedureResultService.Row::orgName);
            columns(table, r -> r, true, true);
            try (OutputStream out = XlsxDownload.start(response, "Результаты — по годам — " + procedure.typeName() + ".xlsx")) {
                table.write(out, rows);
            }
            return;
        }
        List<ProcedureResultService.Row> rows = results.all(user, procedureId, level, subject, grade, municipalityId);
        String title = switch (level) {
            case "region" -> "По региону";
            case "municipality" -> "По муниципалитетам";
            default -> "По ОО";
        };
        try (OutputStream out = XlsxDownload.start(response, "Результаты — " + title.toLowerCase() + " — "
                + procedure.title() + ".xlsx")) {
            table(title, !level.equals("region"), level.equals("school")).write(out, rows);
        }
    }

    @GetMapping("/results/schools/{id}")
    String school(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = ProcedureResults.VPR) String type, Model model) {
        OrgUnit school = results.school(user, id);
        model.addAttribute("school", school);
        model.addAttribute("type", type);
        model.addAttribute("years", results.schoolYears(user, id, type));
        model.addAttribute("history", results.history(user, id));
        return "results/school";
    }

    @GetMapping("/results/schools/{id}.xlsx")
    void schoolXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(defaultValue = ProcedureResults.VPR) String type, HttpServletResponse response)
            throws IOException {
        OrgUnit school = results.school(user, id);
        List<YearRow> rows = new ArrayList<>();
        results.schoolYears(user, id, type).forEach(y -> y.rows().forEach(r -> rows.add(new YearRow(y.year(), r))));
        XlsxTable<YearRow> table = XlsxTable.of("Результаты по годам", YearRow.class)
                .column("Год", 8, YearRow::year);
        columns(table, YearRow::row, false, false);
        try (OutputStream out = XlsxDownload.start(response, "Результаты — " + school.name() + ".xlsx")) {
            table.write(out, rows);
        }
    }

    @GetMapping("/results/schools/{id}/history.xlsx")
    void history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = results.history(user, id);
        try (OutputStream out = XlsxDownload.start(response, "История результатов ОО " + id + ".xlsx")) {
            ru.rsoko.platform.audit.HistoryTable.write(out, history, formats);
        }
    }

    record YearRow(int year, ProcedureResultService.Row row) {
    }

    private static XlsxTable<ProcedureResultService.Row> table(String title, boolean withOrg, boolean withMunicipality) {
        XlsxTable<ProcedureResultService.Row> table = XlsxTable.of(title, ProcedureResultService.Row.class);
        if (withMunicipality) {
            table.column("Муниципалитет", 30, r -> r.municipalityName());
        }
        if (withOrg) {
            table.column(withMunicipality ? "ОО" : "Муниципалитет", 40, ProcedureResultService.Row::orgName);
        }
        columns(table, r -> r, withOrg, withOrg);
        return table;
    }

    /** The figures' columns: subject, grade, participants, the shares, and the region's beside when asked. */
    private static <T> void columns(XlsxTable<T> table, java.util.function.Function<T, ProcedureResultService.Row> row,
                                    boolean unused, boolean regionBeside) {
        table.column("Предмет", 20, t -> row.apply(t).subjectLabel())
                .column("Класс", 7, t -> row.apply(t).grade())
                .column("Участников", 12, t -> row.apply(t).marks().participants());
        for (int m = 2; m <= 5; m++) {
            int mark = m;
            table.column("«" + mark + "», чел.", 9, t -> count(row.apply(t).marks(), mark));
            table.column("«" + mark + "», %", 9, t -> row.apply(t).mark(mark).percent());
        }
        table.column("Качество («4»+«5»), %", 12, t -> row.apply(t).quality().percent());
        String[] compared = {"Понизили", "Подтвердили", "Повысили"};
        for (int i = 0; i < 3; i++) {
            int which = i;
            table.column(compared[i] + ", %", 12, t -> percent(row.apply(t).compared(which)));
        }
        table.column("Регион: участников", 12, t -> {
            ProcedureResults.Marks r = row.apply(t).region();
            return r == null ? null : r.participants();
        });
        for (int m = 2; m <= 5; m++) {
            int mark = m;
            table.column("Регион: «" + mark + "», %", 10, t -> row.apply(t).regionMark(mark).percent());
        }
        table.column("Регион: качество, %", 12, t -> row.apply(t).regionQuality().percent());
        for (int i = 0; i < 3; i++) {
            int which = i;
            table.column("Регион: " + compared[i].toLowerCase() + ", %", 12, t -> percent(row.apply(t).regionCompared(which)));
        }
    }

    private static long count(ProcedureResults.Marks m, int mark) {
        return switch (mark) {
            case 2 -> m.mark2();
            case 3 -> m.mark3();
            case 4 -> m.mark4();
            default -> m.mark5();
        };
    }

    private static java.math.@Nullable BigDecimal percent(@Nullable Share share) {
        return share == null ? null : share.percent();
    }
}
