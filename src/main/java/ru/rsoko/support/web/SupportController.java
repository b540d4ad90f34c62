package ru.rsoko.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.results.ProcedureResults;
import ru.rsoko.support.MeasureStatus;
import ru.rsoko.support.ProgrammeStatus;
import ru.rsoko.support.RiskFactor;
import ru.rsoko.support.RiskLevel;
import ru.rsoko.support.domain.SupportProgrammeService;
import ru.rsoko.support.domain.SupportProgrammeService.MeasureForm;
import ru.rsoko.support.domain.SupportProgrammeService.MeasureView;
import ru.rsoko.support.domain.SupportProgrammeService.ProgrammeForm;
import ru.rsoko.support.domain.SupportProgrammeService.ProgrammeView;
import ru.rsoko.support.domain.SupportProgrammeService.ReportForm;
import ru.rsoko.support.domain.SupportProgrammeService.ReportRow;
import ru.rsoko.support.domain.SupportProgrammeService.RiskForm;
import ru.rsoko.support.domain.SupportProgrammeService.YearFigures;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The pages of the support programmes: the regional report, a programme with its measures and effect, the forms. */
@Controller
class SupportController {

    private final SupportProgrammeService programmes;
    private final Formats formats;

    SupportController(SupportProgrammeService programmes, Formats formats) {
        this.programmes = programmes;
        this.formats = formats;
    }

    // ---- the report of all ШНОР schools of a year

    @GetMapping("/support-programmes")
    String report(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : programmes.defaultYear(user);
        model.addAttribute("report", programmes.report(user, shown));
        model.addAttribute("year", shown);
        model.addAttribute("canEdit", SupportProgrammeService.keeps(user));
        return "support/report";
    }

    @GetMapping("/support-programmes.xlsx")
    void reportXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                    HttpServletResponse response) throws IOException {
        int shown = year != null ? year : programmes.defaultYear(user);
        SupportProgrammeService.Report report = programmes.report(user, shown);
        XlsxTable<ReportRow> table = XlsxTable.of("ШНОР " + shown, ReportRow.class)
                .column("ID ОО", 10, ReportRow::schoolId)
                .column("Школа", 45, ReportRow::schoolName)
                .column("Муниципалитет", 25, ReportRow::municipalityName)
                .column("Программа", 14, r -> r.programme() == null ? "нет" : r.programme().status().label())
                .column("Мер", 8, r -> r.programme() == null ? null : r.programme().counts().total())
                .column("Выполнено", 10, r -> r.programme() == null ? null : r.programme().counts().done())
                .column("Просрочено", 11, r -> r.programme() == null ? null : r.programme().counts().overdue())
                .column("Риски: до → после", 60, r -> r.programme() == null ? null : r.programme().risks().stream()
                        .map(k -> k.factor().label() + ": " + k.change()).collect(Collectors.joining("; ")));
        for (int y : report.resultYears()) {
            table.column("Доля «2» " + y + ", %", 12, r -> fail(r.ofYear(y), false))
                    .column("Регион «2» " + y + ", %", 12, r -> fail(r.ofYear(y), true))
                    .column("«4»+«5» " + y + ", %", 12, r -> quality(r.ofYear(y), false))
                    .column("Регион «4»+«5» " + y + ", %", 14, r -> quality(r.ofYear(y), true));
        }
        try (OutputStream out = XlsxDownload.start(response, "Программы поддержки ШНОР " + shown + ".xlsx")) {
            table.zone(formats.zone()).write(out, report.rows());
        }
    }

    private static Double fail(YearFigures f, boolean region) {
        return f == null ? null : (region ? f.region() : f.school()).failShare();
    }

    private static Double quality(YearFigures f, boolean region) {
        return f == null ? null : (region ? f.region() : f.school()).qualityShare();
    }

    // ---- a programme

    @GetMapping("/support-programmes/{id}")
    String programme(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ProgrammeView p = programmes.programme(user, id);
        List<ProcedureResults.SubjectYear> effect = programmes.effect(user, id);
        model.addAttribute("p", p);
        model.addAttribute("effect", effect);
        model.addAttribute("effectByYear", SupportProgrammeService.byYear(effect));
        model.addAttribute("history", programmes.history(user, id));
        model.addAttribute("canEdit", SupportProgrammeService.keeps(user));
        model.addAttribute("canReport", SupportProgrammeService.reports(user));
        model.addAttribute("statuses", ProgrammeStatus.values());
        model.addAttribute("measureStatuses", MeasureStatus.values());
        model.addAttribute("factors", RiskFactor.values());
        model.addAttribute("levels", RiskLevel.values());
        return "support/programme";
    }

    @GetMapping("/support-programmes/{id}/measures.xlsx")
    void measuresXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ProgrammeView p = programmes.programme(user, id);
        XlsxTable<MeasureView> table = XlsxTable.of("Меры", MeasureView.class)
                .column("№", 5, MeasureView::position)
                .column("Мера", 60, MeasureView::text)
                .column("Фактор риска", 40, m -> m.riskFactor() == null ? null : m.riskFactor().label())
                .column("Ответственные", 30, MeasureView::responsible)
                .column("Срок", 12, MeasureView::dueOn)
                .column("Состояние", 14, m -> m.status().label())
                .column("Просрочено", 11, m -> m.overdue() ? "да" : "")
                .column("Выполнено", 12, MeasureView::doneOn)
                .column("Отчёт", 60, MeasureView::report);
        try (OutputStream out = XlsxDownload.start(response, "Меры программы — " + p.schoolName() + " " + p.year() + ".xlsx")) {
            table.zone(formats.zone()).write(out, p.measures());
        }
    }

    @GetMapping("/support-programmes/{id}/effect.xlsx")
    void effectXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ProgrammeView p = programmes.programme(user, id);
        XlsxTable<ProcedureResults.SubjectYear> table = XlsxTable.of("Результаты ВПР", ProcedureResults.SubjectYear.class)
                .column("Год", 8, ProcedureResults.SubjectYear::year)
                .column("Предмет", 25, r -> r.subject().label())
                .column("Участников", 12, r -> r.school().participants())
                .column("Доля «2», %", 12, r -> r.school().failShare())
                .column("Регион: доля «2», %", 16, r -> r.region().failShare())
                .column("«4»+«5», %", 12, r -> r.school().qualityShare())
                .column("Регион: «4»+«5», %", 16, r -> r.region().qualityShare());
        try (OutputStream out = XlsxDownload.start(response, "Результаты ВПР — " + p.schoolName() + ".xlsx")) {
            table.write(out, programmes.effect(user, id));
        }
    }

    @GetMapping("/support-programmes/{id}/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        ProgrammeView p = programmes.programme(user, id);
        try (OutputStream out = XlsxDownload.start(response, "История программы — " + p.schoolName() + " " + p.year() + ".xlsx")) {
            HistoryTable.write(out, programmes.history(user, id), formats);
        }
    }

    // ---- creating and changing (region, the school's municipality)

    @GetMapping("/schools/{id}/support-programmes/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) Integer year, Model model) {
        programmes.ofSchool(user, id);
        SupportProgrammeService.requireKeeper(user);
        model.addAttribute("schoolId", id);
        model.addAttribute("year", year);
        return "support/new";
    }

    @PostMapping("/schools/{id}/support-programmes")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String goal, Model model, RedirectAttributes redirect) {
        try {
            ProgrammeView p = programmes.create(user, id, new ProgrammeForm(year, title, goal, null, null, null, null,
                    null, null, null));
            redirect.addFlashAttribute("message", "Программа создана. Добавьте факторы риска и меры.");
            return "redirect:/support-programmes/" + p.id();
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("schoolId", id);
            model.addAttribute("year", year);
            model.addAttribute("title", title);
            model.addAttribute("goal", goal);
            model.addAttribute("error", e.getMessage());
            return "support/new";
        }
    }

    @PostMapping("/support-programmes/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String goal,
                  @RequestParam(required = false) ProgrammeStatus status,
                  @RequestParam(required = false) LocalDate approvedOn,
                  @RequestParam(required = false) LocalDate closedOn,
                  @RequestParam(required = false) String conclusion, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        return act(id, null, redirect, "Программа сохранена", () -> programmes.update(user, id,
                new ProgrammeForm(null, title, goal, status, approvedOn, closedOn, conclusion, null, null, version)));
    }

    @PostMapping("/support-programmes/{id}/risks")
    String risk(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) RiskFactor factor, @RequestParam(required = false) RiskLevel levelBefore,
                @RequestParam(required = false) RiskLevel levelAfter, @RequestParam(required = false) String note,
                @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, "risks", redirect, "Профиль рисков сохранён",
                () -> programmes.risk(user, id, new RiskForm(factor, levelBefore, levelAfter, note), version));
    }

    @PostMapping("/support-programmes/{id}/measures")
    String addMeasure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @RequestParam(required = false) String text, @RequestParam(required = false) RiskFactor riskFactor,
                      @RequestParam(required = false) String responsible,
                      @RequestParam(required = false) LocalDate dueOn,
                      RedirectAttributes redirect) {
        return act(id, "measures", redirect, "Мера добавлена",
                () -> programmes.addMeasure(user, id, new MeasureForm(text, riskFactor, responsible, dueOn, null)));
    }

    @PostMapping("/support-measures/{id}")
    String updateMeasure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestParam long programmeId, @RequestParam(required = false) String text,
                         @RequestParam(required = false) RiskFactor riskFactor,
                         @RequestParam(required = false) String responsible,
                         @RequestParam(required = false) LocalDate dueOn,
                         @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(programmeId, "measure-" + id, redirect, "Мера сохранена",
                () -> programmes.updateMeasure(user, id, new MeasureForm(text, riskFactor, responsible, dueOn, version)));
    }

    // ---- the director's report on a measure

    @PostMapping("/support-measures/{id}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long programmeId,
                  @RequestParam(required = false) MeasureStatus status,
                  @RequestParam(required = false) LocalDate doneOn,
                  @RequestParam(required = false) String report, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        return act(programmeId, "measure-" + id, redirect, "Отчёт о мере сохранён",
                () -> programmes.report(user, id, new ReportForm(status, doneOn, report, version)));
    }

    // ---- the section of a school's profile (loaded by htmx)

    @GetMapping("/schools/{id}/support-programme")
    String profileSection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("programmes", programmes.ofSchool(user, id));
        return "support/profile :: section";
    }

    /** Runs a change and goes back to the programme: the message, or the refusal's (a conflict's) in Russian. */
    private static String act(long programmeId, String anchor, RedirectAttributes redirect, String done,
                              Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("message", done);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/support-programmes/" + programmeId + (anchor == null ? "" : "#" + anchor);
    }
}
