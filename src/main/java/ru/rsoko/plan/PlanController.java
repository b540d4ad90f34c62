package ru.rsoko.plan;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan-schedule pages: the plans of the region, a plan with its procedures and execution, a procedure's course. */
@Controller
class PlanController {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final PlanAccess access;
    private final PlanService plans;
    private final PlanExecutionService execution;
    private final FileStore files;
    private final Formats formats;

    PlanController(PlanAccess access, PlanService plans, PlanExecutionService execution, FileStore files, Formats formats) {
        this.access = access;
        this.plans = plans;
        this.execution = execution;
        this.files = files;
        this.formats = formats;
    }

    /** A plan as its list line shows it. */
    record PlanLine(Plan plan, PlanExecution.Figures figures) {
    }

    private List<PlanLine> lines(CurrentUser user) {
        return access.list(user).stream().map(p -> new PlanLine(p, execution.now(p).total())).toList();
    }

    @GetMapping("/plans")
    @Transactional(readOnly = true)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("lines", lines(user));
        model.addAttribute("keeper", PlanAccess.keeps(user));
        return "plan/list";
    }

    @GetMapping("/plans.xlsx")
    @Transactional(readOnly = true)
    void listXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        XlsxTable<PlanLine> table = XlsxTable.of("Планы-графики", PlanLine.class)
                .column("Год", 8, l -> l.plan().getYear())
                .column("План-график", 60, l -> l.plan().getTitle())
                .column("Утверждён", 60, l -> l.plan().orderWording())
                .column("Состояние", 14, l -> l.plan().getStatus().label())
                .column("Процедур", 10, l -> l.figures().total())
                .column("Выполнено в срок", 12, l -> l.figures().doneOnTime())
                .column("С нарушением срока", 12, l -> l.figures().late())
                .column("Перенесено", 12, l -> l.figures().moved())
                .column("Отменено", 12, l -> l.figures().cancelled())
                .column("Не выполнено в срок", 12, l -> l.figures().overdue());
        try (OutputStream out = XlsxDownload.start(response, "plans.xlsx")) {
            table.zone(user.zone()).write(out, lines(user));
        }
    }

    // ---- a plan

    @GetMapping("/plans/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanAccess.requireKeeper(user);
        PlanForm form = new PlanForm();
        form.setYear(LocalDate.now(user.zone()).getYear() + 1);
        return planForm(form, null, model);
    }

    @PostMapping("/plans")
    String create(@AuthenticationPrincipal CurrentUser user, PlanForm form, Model model, RedirectAttributes redirect) {
        try {
            Plan plan = plans.create(user, form);
            redirect.addFlashAttribute("message", "План-график создан: добавьте процедуры и утвердите его");
            return "redirect:/plans/" + plan.getId();
        } catch (RuleViolationException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return planForm(form, null, model);
        }
    }

    @GetMapping("/plans/{id}/edit")
    @Transactional(readOnly = true)
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Plan plan = access.keptPlan(user, id);
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
    @Transactional(readOnly = true)
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Plan plan = access.plan(user, id);
        List<Procedure> procedures = loaded(plan);
        PlanExecution report = execution.now(plan);
        model.addAttribute("plan", plan);
        model.addAttribute("procedures", procedures);
        model.addAttribute("report", report);
        model.addAttribute("keeper", PlanAccess.keeps(user));
        model.addAttribute("history", plans.history(user, id));
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
    @Transactional(readOnly = true)
    String executionReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           Model model) {
        Plan plan = access.plan(user, id);
        PlanExecution report = asOf == null ? execution.now(plan) : execution.of(plan, asOf);
        List<Procedure> procedures = loaded(plan);
        model.addAttribute("plan", plan);
        model.addAttribute("report", report);
        model.addAttribute("byMonth", procedures.stream().collect(Collectors.groupingBy(p -> YearMonth.from(p.getPeriodEnd()))));
        model.addAttribute("outcomes", Outcome.values());
        return "plan/execution";
    }

    @GetMapping("/plans/{id}/execution.xlsx")
    @Transactional(readOnly = true)
    void executionXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                       HttpServletResponse response) throws IOException {
        Plan plan = access.plan(user, id);
        PlanExecution report = asOf == null ? execution.now(plan) : execution.of(plan, asOf);
        List<PlanExecution.Month> rows = new java.util.ArrayList<>(report.months());
        rows.add(new PlanExecution.Month(null, report.total()));
        XlsxTable<PlanExecution.Month> table = XlsxTable.of("Выполнение", PlanExecution.Month.class)
                .column("Месяц окончания", 20, PlanExecution.Month::label)
                .column("Процедур", 10, m -> m.figures().total())
                .column("Выполнено", 11, m -> m.figures().done())
                .column("в т.ч. в срок", 11, m -> m.figures().doneOnTime())
                .column("Доля в срок, %", 11, m -> m.figures().share(m.figures().doneOnTime()))
                .column("С нарушением срока", 11, m -> m.figures().late())
                .column("Перенесено", 11, m -> m.figures().moved())
                .column("Отменено", 11, m -> m.figures().cancelled())
                .column("Не выполнено в срок", 11, m -> m.figures().overdue())
                .column("Предстоит / проводится", 11, m -> m.figures().planned());
        try (OutputStream out = XlsxDownload.start(response, "Выполнение плана-графика " + plan.getYear()
                + " на " + Formats.DATE.format(report.asOf()) + ".xlsx")) {
            table.zone(user.zone()).write(out, rows);
        }
    }

    private static List<Procedure> loaded(Plan plan) {
        List<Procedure> procedures = plan.getProcedures();
        procedures.forEach(p -> {
            p.getType().getName();
            if (p.getResponsible() != null) {
                p.getResponsible().getName();
            }
        });
        return procedures;
    }

    // ---- procedures

    @GetMapping("/plans/{id}/procedures/new")
    @Transactional(readOnly = true)
    String newProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestParam(required = false) Long typeId, Model model) {
        Plan plan = access.keptPlan(user, id);
        ProcedureForm form = new ProcedureForm();
        List<ProcedureType> types = plans.types(plan.getRegionId());
        ProcedureType type = types.stream().filter(t -> t.getId().equals(typeId)).findFirst().orElse(types.getFirst());
        form.setTypeId(type.getId());
        form.setTitle(type.getName());
        form.setGrades(Procedure.gradesText(type.getGrades()));
        form.setCoverageTarget(type.getCoverageTarget());
        form.setObserversRequired(type.isObservers());
        return procedureForm(plan, null, form, model);
    }

    @PostMapping("/plans/{id}/procedures")
    String addProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ProcedureForm form, Model model,
                        RedirectAttributes redirect) {
        try {
            Procedure p = plans.addProcedure(user, id, form);
            redirect.addFlashAttribute("message", "Процедура добавлена в план-график");
            return "redirect:/procedures/" + p.getId();
        } catch (RuleViolationException e) {
            rethrowForbidden(e);
            model.addAttribute("error", e.getMessage());
            return procedureForm(access.plan(user, id), null, form, model);
        }
    }

    @GetMapping("/procedures/{id}")
    @Transactional(readOnly = true)
    String procedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Procedure p = access.procedure(user, id);
        p.getType().getName();
        if (p.getResponsible() != null) {
            p.getResponsible().getName();
        }
        p.getFiles().forEach(f -> f.getFile().getName());
        LocalDate today = execution.today(p.getRegionId());
        model.addAttribute("procedure", p);
        model.addAttribute("plan", p.getPlan());
        model.addAttribute("outcome", p.outcomeOn(today));
        model.addAttribute("today", today);
        model.addAttribute("keeper", PlanAccess.keeps(user));
        model.addAttribute("participantNames", participantNames(p));
        model.addAttribute("history", plans.procedureHistory(user, id));
        if (p.getVsokoCampaignId() != null) {
            plans.vsokoCampaigns(p.getRegionId()).stream().filter(c -> c.id() == p.getVsokoCampaignId()).findFirst()
                    .ifPresent(c -> model.addAttribute("campaign", c));
        }
        return "plan/procedure";
    }

    private List<String> participantNames(Procedure p) {
        if (p.getParticipants() == Participants.ALL_SCHOOLS) {
            return List.of();
        }
        List<PlanService.Choice> choices = p.getParticipants() == Participants.MUNICIPALITIES
                ? plans.municipalities(p.getRegionId()) : plans.schools(p.getRegionId());
        Map<Long, String> names = choices.stream().collect(Collectors.toMap(PlanService.Choice::id, PlanService.Choice::name));
        return p.getParticipantIds().stream().map(names::get).filter(java.util.Objects::nonNull).sorted().toList();
    }

    @GetMapping("/procedures/{id}/edit")
    @Transactional(readOnly = true)
    String editProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Procedure p = access.keptProcedure(user, id);
        return procedureForm(p.getPlan(), p, ProcedureForm.of(p), model);
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
            Procedure p = access.procedure(user, id);
            return procedureForm(p.getPlan(), p, form, model);
        }
    }

    private String procedureForm(Plan plan, Procedure procedure, ProcedureForm form, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("procedure", procedure);
        model.addAttribute("form", form);
        model.addAttribute("types", plans.types(plan.getRegionId()).stream()
                .filter(t -> t.isActive() || t.getId().equals(form.getTypeId())).toList());
        model.addAttribute("participantKinds", Participants.values());
        model.addAttribute("municipalities", plans.municipalities(plan.getRegionId()));
        model.addAttribute("schools", plans.schools(plan.getRegionId()));
        model.addAttribute("responsibles", plans.responsibleChoices(plan.getRegionId()));
        model.addAttribute("campaigns", plans.vsokoCampaigns(plan.getRegionId()));
        return "plan/procedure-form";
    }

    @PostMapping("/procedures/{id}/delete")
    String deleteProcedure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        long planId = access.procedure(user, id).getPlan().getId();
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
        files.download(plans.file(user, id, fileId).getFile().getId(), response);
    }

    @GetMapping("/procedures/{id}/history.xlsx")
    void procedureHistoryXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = plans.procedureHistory(user, id);
        HistoryTable.write(XlsxDownload.start(response, "История процедуры " + id + ".xlsx"), history, formats);
    }

    // ---- the catalogue of procedure types

    @GetMapping("/plans/procedure-types")
    @Transactional(readOnly = true)
    String types(@AuthenticationPrincipal CurrentUser user, Model model) {
        PlanAccess.requireKeeper(user);
        model.addAttribute("types", plans.types(user.regionId()));
        return "plan/types";
    }

    @GetMapping("/plans/procedure-types.xlsx")
    @Transactional(readOnly = true)
    void typesXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        PlanAccess.requireKeeper(user);
        XlsxTable<ProcedureType> table = XlsxTable.of("Виды процедур", ProcedureType.class)
                .column("Вид процедуры", 60, ProcedureType::getName)
                .column("Классы", 12, t -> Procedure.gradesText(t.getGrades()))
                .column("Целевой охват, %", 12, ProcedureType::getCoverageTarget)
                .column("Наблюдатели", 12, t -> t.isObservers() ? "да" : "нет")
                .column("Источник", 16, t -> t.isShared() ? "общий перечень" : "добавлен регионом")
                .column("Используется", 12, t -> t.isActive() ? "да" : "нет");
        try (OutputStream out = XlsxDownload.start(response, "procedure-types.xlsx")) {
            table.write(out, plans.types(user.regionId()));
        }
    }

    @PostMapping("/plans/procedure-types")
    String addType(@AuthenticationPrincipal CurrentUser user, PlanService.TypeForm form, RedirectAttributes redirect) {
        return act(redirect, "/plans/procedure-types", "Вид процедуры добавлен", () -> plans.addType(user, form));
    }

    @PostMapping("/plans/procedure-types/{id}")
    String updateType(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, PlanService.TypeForm form,
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
