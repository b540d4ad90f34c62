package ru.rsoko.task.web;

import ru.rsoko.task.domain.TaskService;
import ru.rsoko.task.domain.TaskMetric;

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
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/** The region's tasks of a year with their figures now; kept by regional staff. */
@Controller
class TaskController {

    private final TaskService tasks;
    private final Formats formats;

    TaskController(TaskService tasks, Formats formats) {
        this.tasks = tasks;
        this.formats = formats;
    }

    @GetMapping("/tasks")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long regionId, Model model) {
        OrgUnit region = tasks.region(user, regionId);
        int y = year != null ? year : tasks.currentYear(region);
        model.addAttribute("region", region);
        model.addAttribute("year", y);
        model.addAttribute("years", tasks.years(region.id(), tasks.currentYear(region)));
        model.addAttribute("tasks", tasks.list(user, region.id(), y));
        model.addAttribute("canEdit", TaskService.keeps(user));
        model.addAttribute("scopeLabel", scopeLabel(user, region));
        model.addAttribute("chooseRegion", user.regionId() == null);
        return "task/list";
    }

    @GetMapping("/tasks.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Long regionId, HttpServletResponse response) throws IOException {
        OrgUnit region = tasks.region(user, regionId);
        int y = year != null ? year : tasks.currentYear(region);
        XlsxTable<TaskService.TaskView> table = XlsxTable.of("Задачи " + y, TaskService.TaskView.class)
                .column("№", 6, TaskService.TaskView::number)
                .column("Задача", 90, v -> v.task().text())
                .column("Показатель", 36, v -> v.task().metric() == null ? null : v.task().metric().label())
                .column("Цель, %", 10, v -> v.task().target())
                .column("Сейчас, %", 10, TaskService.TaskView::current)
                .column("Итог", 20, v -> v.status().label())
                .column("По данным", 40, v -> scopeLabel(user, region));
        try (OutputStream out = XlsxDownload.start(response, "Задачи РСОКО " + y + ".xlsx")) {
            table.zone(formats.zone()).write(out, tasks.list(user, region.id(), y));
        }
    }

    /** Whose figures the page shows: the region's, a municipality's or a school's. */
    static String scopeLabel(CurrentUser user, OrgUnit region) {
        return switch (user.scope().level()) {
            case ALL, REGION -> region.name();
            case MUNICIPALITY, ORG_UNIT -> user.orgUnitName();
        };
    }

    @GetMapping("/tasks/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TaskService.TaskView view = tasks.view(user, id);
        model.addAttribute("view", view);
        model.addAttribute("history", tasks.history(user, id));
        model.addAttribute("canEdit", TaskService.keeps(user));
        return "task/card";
    }

    @GetMapping("/tasks/{id}/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        List<ru.rsoko.platform.audit.HistoryEntry> history = tasks.history(user, id);
        try (OutputStream out = XlsxDownload.start(response, "История задачи " + id + ".xlsx")) {
            HistoryTable.write(out, history, formats);
        }
    }

    @GetMapping("/tasks/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        TaskService.requireKeeper(user);
        OrgUnit region = tasks.region(user, null);
        return form(new TaskService.Form(null, null, null, year != null ? year : tasks.currentYear(region), null), null,
                null, model);
    }

    @PostMapping("/tasks")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String text,
                  @RequestParam(required = false) TaskMetric metric, @RequestParam(required = false) String target,
                  @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
        TaskService.requireKeeper(user);
        TaskService.Form form = null;
        try {
            form = new TaskService.Form(text, metric, percent(target), year, null);
            TaskService.Task task = tasks.create(user, form);
            redirect.addFlashAttribute("message", "Задача добавлена");
            return "redirect:/tasks?year=" + task.year();
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(new TaskService.Form(text, metric, null, year, null), null, e, model.addAttribute("targetText", target));
        }
    }

    @GetMapping("/tasks/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        TaskService.Task task = tasks.get(user, id);
        TaskService.requireKeeper(user);
        return form(new TaskService.Form(task.text(), task.metric(), task.target(), task.year(), task.version()),
                task, null, model);
    }

    @PostMapping("/tasks/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
                  @RequestParam(required = false) TaskMetric metric, @RequestParam(required = false) String target,
                  @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        TaskService.Task task = tasks.get(user, id);
        TaskService.requireKeeper(user);
        try {
            tasks.update(user, id, new TaskService.Form(text, metric, percent(target), task.year(), version));
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:/tasks?year=" + task.year();
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            model.addAttribute("targetText", target);
            return form(new TaskService.Form(text, metric, null, task.year(), version), tasks.get(user, id), e, model);
        }
    }

    @PostMapping("/tasks/{id}/move")
    String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "up") String direction,
                @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        TaskService.Task task = tasks.get(user, id);
        try {
            tasks.move(user, id, !"down".equals(direction), version);
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tasks?year=" + task.year();
    }

    @PostMapping("/tasks/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        TaskService.Task task = tasks.get(user, id);
        try {
            tasks.delete(user, id, version);
            redirect.addFlashAttribute("message", "Задача удалена");
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tasks?year=" + task.year();
    }

    private String form(TaskService.Form form, TaskService.Task task, RuntimeException error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("task", task);
        model.addAttribute("metrics", TaskMetric.values());
        if (!model.containsAttribute("targetText")) {
            model.addAttribute("targetText", form.target() == null ? "" : form.target().stripTrailingZeros().toPlainString());
        }
        if (error != null) {
            model.addAttribute("error", error.getMessage());
            model.addAttribute("errorField", error instanceof RuleViolationException r ? r.field() : null);
        }
        return "task/form";
    }

    /** «75», «75,5», «75.5 %» → 75.5; blank → none. */
    static BigDecimal percent(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("%", "").replace(',', '.').replace(" ", "").strip();
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw RuleViolationException.field("target", "Цель — число процентов, например 100 или 75,5");
        }
    }
}
