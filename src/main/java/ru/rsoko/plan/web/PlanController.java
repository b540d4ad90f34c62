package ru.rsoko.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanCard;
import ru.rsoko.plan.domain.PlanForm;
import ru.rsoko.plan.domain.PlanLine;
import ru.rsoko.plan.domain.PlanReport;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.plan.domain.ProcedureCard;
import ru.rsoko.plan.domain.ProcedureEditing;
import ru.rsoko.plan.domain.ProcedureForm;
import ru.rsoko.plan.domain.ProcedureKind;
import ru.rsoko.plan.domain.StatusForm;
import ru.rsoko.plan.domain.TypeForm;
import ru.rsoko.plan.domain.FileLine;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan-schedule pages: the plans of the region, a plan with its procedures and execution, a procedure's course. */
@Controller
class PlanController {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final PlanAccess access;
    private final PlanService plans;
    private final FileStore files;
    private final Formats formats;
    private final People people;

    PlanController(PlanAccess access, PlanService plans, FileStore files, Formats formats, People people) {
        this.people = people;
        this.access = access;
        this.plans = plans;
        this.files = files;
        this.formats = formats;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("lines", plans.lines(user));
        model.addAttribute("keeper", PlanService.keeps(user));
        return "plan/list";
    }

    @GetMapping("/plans.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        List<PlanLine> lines = plans.lines(user);
        XlsxTable<PlanLine> table = XlsxTable.of("Планы-графики", PlanLine.class)
                .column("Год", 8, l -> l.plan().year())
                .column("План-график", 60, l -> l.plan().title())
                .column("Утверждён", 60, l -> l.plan().orderWording())
                .column("Состояние", 14, l -> l.plan().status().label())
                .column("Процедур", 10, l -> l.figures().total())
                .column("Выполнено в срок", 12, l -> l.figures().doneOnTime())
                .column("С нарушением срока", 12, l -> l.figures().late())
                .column("Перенесено", 12, l -> l.figures().moved())
                .column("Отменено", 12, l -> l.figures().cancelled())
                .column("Не выполнено в срок", 12, l -> l.figures().overdue());
        try (OutputStream out = XlsxDownload.start(response, "plans.xlsx")) {
            table.zone(user.zone()).write(out, lines);
        }
    }

    // ---- a plan

    @GetMapping("/plans/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanService.requireKeeper(user);
        PlanForm form = new PlanForm();
        form.setYear(LocalDate.now(user.zone()).getYear() + 1);
        return planForm(form, null, model);
    }

    @PostMapping("/plans")
    String create(@AuthenticationPrincipal CurrentUser user, PlanForm form, Model model, RedirectAttributes redirect) {
        try {
            Plan plan = plans.create(user, form);
            redirect.addFlashAttribute("message", "План-график создан: добавьте процедуры и утвердите его");
            return "redirect:/plans/" + plan.id();
        } catch (RuleViolationException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return planForm(form, null, model);
        }
    }

    @GetMapping("/plans/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Plan plan = plans.kept(user, id);
        return planForm(PlanForm.of(plan), plan, model);
    }

    @PostMapping("/plans/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, PlanForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            plans.update(user, id, form);
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:/plans/" + id;
        } catch (RuleViolationException | ConcurrentEditException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return planForm(form, access.plan(user, id), model);
        }
    }

    private String planForm(PlanForm form, Plan plan, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("plan", plan);
        return "plan/form";
    }

    @PostMapping("/plans/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(redirect, "/plans/" + id, "План-график утверждён", () -> plans.approve(user, id, version));
    }

    @PostMapping("/plans/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            plans.delete(user, id, version);
            redirect.addFlashAttribute("message", "Проект плана-графика удалён");
            return "redirect:/plans";
        } catch (RuleViolationException | ConcurrentEditException e) {
            rethrowForbidden(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/plans/" + id;
        }
    }

    @GetMapping("/plans/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        PlanCard card = plans.card(user, id);
        model.addAttribute("plan", card.plan());
        model.addAttribute("procedures", card.procedures());
        model.addAttribute("report", card.report());
        model.addAttribute("keeper", PlanService.keeps(user));
        model.addAttribute("history", card.history());
        return "plan/card";
    }

    @GetMapping("/plans/{id}/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = plans.history(user, id);
        HistoryTable.write(XlsxDownload.start(response, "История плана-графика " + id + ".xlsx"), history, formats);
    }

    /** «Выполнение плана-графика» as of a day, today by default. */
    @GetMapping("/plans/{id}/execution")
    String executionReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestParam(required = false) LocalDate asOf,
                           Model model) {
        PlanReport report = plans.report(user, id, asOf);
        model.addAttribute("plan", report.plan());
        model.addAttribute("report", report.execution());
        model.addAttribute("byMonth", report.byMonth());
        model.addAttribute("outcomes", Outcome.values());
        return "plan/execution";
    }

    @GetMapping("/plans/{id}/execution.xlsx")
    void executionXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(required = false) LocalDate asOf,
                       HttpServletResponse response) throws IOException {
        PlanReport plan = plans.report(user, id, asOf);
        PlanExecution report = plan.execution();
        List<PlanExecution.Month> rows = new ArrayList<>(report.months());
        rows.add(new PlanExecution.Month(null, report.total()));
        XlsxTable<PlanExecution.Month> table = XlsxTable.of("Выполнение", PlanExecution.Month.class)
                .column("Месяц окончания", 20, PlanExecution.Month::label)
                .column("Процедур", 10, m -> m.figures().total())
                .column("Выполнено", 11, m -> m.figures().done())
                .column("в т.ч. в срок", 11, m -> m.figures().doneOnTime())
                .column("Срок наступил", 11, m -> m.figures().due())
                .column("Доля в срок, % от наступивших", 14, m -> m.figures().onTimeShareOfDue())
                .column("С нарушением срока", 11, m -> m.figures().late())
                .column("Перенесено", 11, m -> m.figures().moved())
                .column("Отменено", 11, m -> m.figures().cancelled())
                .column("Не выполнено в срок", 11, m -> m.figures().overdue())
                .column("Предстоит / проводится", 11, m -> m.figures().planned());
        try (OutputStream out = XlsxDownload.start(response, "Выполнение плана-графика " + plan.plan().year()
                + " на " + Formats.DATE.format(report.asOf()) + ".xlsx")) {
            table.zone(user.zone()).write(out, rows);
        }
    }

    // ---- procedures

    @GetMapping("/plans/{id}/procedures/new")
    String newProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestParam(required = false) Long typeId, Model model) {
        return procedureForm(plans.newProcedure(user, id, typeId), model);
    }

    @PostMapping("/plans/{id}/procedures")
    String addProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ProcedureForm form, Model model,
                        RedirectAttributes redirect) {
        try {
            Procedure p = plans.addProcedure(user, id, form);
            redirect.addFlashAttribute("message", "Процедура добавлена в план-график");
            return "redirect:/procedures/" + p.id();
        } catch (RuleViolationException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return procedureForm(plans.reshowNewProcedure(user, id, form), model);
        }
    }

    @GetMapping("/procedures/{id}")
    String procedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ProcedureCard card = plans.procedureCard(user, id);
        model.addAttribute("procedure", card.procedure());
        model.addAttribute("plan", card.plan());
        model.addAttribute("outcome", card.outcome());
        model.addAttribute("today", card.today());
        model.addAttribute("keeper", PlanService.keeps(user));
        model.addAttribute("participantNames", card.participantNames());
        model.addAttribute("files", card.files());
        model.addAttribute("names", people.of(card.files().stream().map(FileLine::createdBy).toList()));
        model.addAttribute("history", card.history());
        if (card.campaign() != null) {
            model.addAttribute("campaign", card.campaign());
        }
        return "plan/procedure";
    }

    @GetMapping("/procedures/{id}/edit")
    String editProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return procedureForm(plans.editProcedure(user, id), model);
    }

    @PostMapping("/procedures/{id}")
    String updateProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ProcedureForm form, Model model,
                           RedirectAttributes redirect) {
        try {
            plans.updateProcedure(user, id, form);
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:/procedures/" + id;
        } catch (RuleViolationException | ConcurrentEditException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return procedureForm(plans.reshowProcedure(user, id, form), model);
        }
    }

    private String procedureForm(ProcedureEditing editing, Model model) {
        model.addAttribute("plan", editing.plan());
        model.addAttribute("procedure", editing.procedure());
        model.addAttribute("form", editing.form());
        model.addAttribute("types", editing.types());
        model.addAttribute("participantKinds", editing.participantKinds());
        model.addAttribute("municipalities", editing.municipalities());
        model.addAttribute("schools", editing.schools());
        model.addAttribute("responsibles", editing.responsibles());
        model.addAttribute("campaigns", editing.campaigns());
        return "plan/procedure-form";
    }

    @PostMapping("/procedures/{id}/delete")
    String deleteProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        long planId = access.procedure(user, id).planId();
        return act(redirect, "/plans/" + planId, "Процедура удалена из проекта плана-графика",
                () -> plans.deleteProcedure(user, id, version), "/procedures/" + id);
    }

    @PostMapping("/procedures/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, StatusForm form,
                  RedirectAttributes redirect) {
        return act(redirect, "/procedures/" + id, form.to() == null ? "Сохранено" : "Процедура: " + form.to().label().toLowerCase(RU),
                () -> plans.changeStatus(user, id, form));
    }

    @PostMapping("/procedures/{id}/files")
    String addFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(redirect, "/procedures/" + id, "Файл добавлен", () -> plans.addFile(user, id, file));
    }

    @PostMapping("/procedures/{id}/files/{fileId}/delete")
    String removeFile(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long fileId,
                      RedirectAttributes redirect) {
        return act(redirect, "/procedures/" + id, "Файл удалён", () -> plans.removeFile(user, id, fileId));
    }

    @GetMapping("/procedures/{id}/files/{fileId}")
    void file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long fileId,
              HttpServletResponse response) throws IOException {
        files.download(plans.file(user, id, fileId).storedFileId(), response);
    }

    @GetMapping("/procedures/{id}/history.xlsx")
    void procedureHistoryXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = plans.procedureHistory(user, id);
        HistoryTable.write(XlsxDownload.start(response, "История процедуры " + id + ".xlsx"), history, formats);
    }

    // ---- the catalogue of procedure types

    @GetMapping("/plans/procedure-types")
    String types(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanService.requireKeeper(user);
        model.addAttribute("types", plans.types(user.regionId()));
        return "plan/types";
    }

    @GetMapping("/plans/procedure-types.xlsx")
    void typesXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        PlanService.requireKeeper(user);
        List<ProcedureKind> types = plans.types(user.regionId());
        XlsxTable<ProcedureKind> table = XlsxTable.of("Виды процедур", ProcedureKind.class)
                .column("Вид процедуры", 60, ProcedureKind::name)
                .column("Классы", 12, ProcedureKind::gradesText)
                .column("Целевой охват, %", 12, ProcedureKind::coverageTarget)
                .column("Наблюдатели", 12, t -> t.observers() ? "да" : "нет")
                .column("Источник", 16, t -> t.shared() ? "общий перечень" : "добавлен регионом")
                .column("Используется", 12, t -> t.active() ? "да" : "нет");
        try (OutputStream out = XlsxDownload.start(response, "procedure-types.xlsx")) {
            table.write(out, types);
        }
    }

    @PostMapping("/plans/procedure-types")
    String addType(@AuthenticationPrincipal CurrentUser user, TypeForm form, RedirectAttributes redirect) {
        return act(redirect, "/plans/procedure-types", "Вид процедуры добавлен", () -> plans.addType(user, form));
    }

    @PostMapping("/plans/procedure-types/{id}")
    String updateType(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, TypeForm form,
                      RedirectAttributes redirect) {
        return act(redirect, "/plans/procedure-types", "Сохранено", () -> plans.updateType(user, id, form));
    }

    // ----

    private static String act(RedirectAttributes redirect, String to, String message, Runnable action) {
        return act(redirect, to, message, action, to);
    }

    private static String act(RedirectAttributes redirect, String to, String message, Runnable action, String onError) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
            return "redirect:" + to;
        } catch (RuleViolationException | ConcurrentEditException e) {
            rethrowForbidden(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + onError;
        }
    }

    private static void rethrowForbidden(RuntimeException e) {
        if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
            throw r;
        }
    }
}
