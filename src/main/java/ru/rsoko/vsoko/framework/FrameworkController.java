package ru.rsoko.vsoko.framework;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.FormErrors;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.framework.FrameworkForms.DirectionForm;
import ru.rsoko.vsoko.framework.FrameworkForms.FrameworkForm;
import ru.rsoko.vsoko.framework.FrameworkForms.IndicatorForm;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * ВСОКО indicator frameworks as people use them: everyone of a region reads them; its regional staff create,
 * copy, import and, until a campaign has opened on one, edit them.
 */
@Controller
class FrameworkController {

    private final FrameworkQueries frameworks;
    private final FrameworkEditService edits;

    FrameworkController(FrameworkQueries frameworks, FrameworkEditService edits) {
        this.frameworks = frameworks;
        this.edits = edits;
    }

    @ModelAttribute("valueTypes")
    ValueType[] valueTypes() {
        return ValueType.values();
    }

    @GetMapping("/vsoko/frameworks")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("rows", frameworks.summaries(user.scope()));
        model.addAttribute("keeper", user.is(Role.REGION));
        return "vsoko/framework-list";
    }

    @GetMapping("/vsoko/frameworks.xlsx")
    void exportList(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        XlsxTable.of("Наборы показателей", FrameworkQueries.Summary.class)
                .column("Набор показателей", 60, FrameworkQueries.Summary::name)
                .column("Год", 8, FrameworkQueries.Summary::year)
                .column("Направлений", 12, FrameworkQueries.Summary::directions)
                .column("Показателей", 12, FrameworkQueries.Summary::indicators)
                .column("Образец", 10, FrameworkQueries.Summary::sample)
                .column("Используется в кампании", 14, FrameworkQueries.Summary::locked)
                .write(XlsxDownload.start(response, "Наборы показателей ВСОКО.xlsx"), frameworks.summaries(user.scope()));
    }

    @GetMapping("/vsoko/frameworks/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        FrameworkQueries.Card card = frameworks.card(user.scope(), id);
        boolean locked = card.locked();
        model.addAttribute("framework", card.framework());
        model.addAttribute("locked", locked);
        model.addAttribute("keeper", user.is(Role.REGION));
        model.addAttribute("editable", user.is(Role.REGION) && !locked);
        return "vsoko/framework-card";
    }

    @GetMapping("/vsoko/frameworks/{id}.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        FrameworkView framework = frameworks.full(user.scope(), id);
        FrameworkExcel.write(framework, XlsxDownload.start(response, framework.name() + ".xlsx"));
    }

    // ---- new, copy, edit of the framework itself

    @GetMapping("/vsoko/frameworks/new")
    @PreAuthorize("hasRole('REGION')")
    String newForm(Model model) {
        model.addAttribute("form", new FrameworkForm());
        return "vsoko/framework-form";
    }

    @PostMapping("/vsoko/frameworks")
    @PreAuthorize("hasRole('REGION')")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") FrameworkForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        return save(errors, redirect, "Набор показателей создан", () -> edits.create(user, form),
                () -> "vsoko/framework-form");
    }

    @GetMapping("/vsoko/frameworks/{id}/copy")
    @PreAuthorize("hasRole('REGION')")
    String copyForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        FrameworkView source = frameworks.full(user.scope(), id);
        FrameworkForm form = new FrameworkForm();
        form.setYear(String.valueOf(source.year() + 1));
        form.setName(source.name().replace(String.valueOf(source.year()), String.valueOf(source.year() + 1)));
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        return "vsoko/framework-form";
    }

    @PostMapping("/vsoko/frameworks/{id}/copy")
    @PreAuthorize("hasRole('REGION')")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("form") FrameworkForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        model.addAttribute("source", frameworks.full(user.scope(), id));
        return save(errors, redirect, "Создана новая версия набора показателей: измените её и используйте в кампании",
                () -> edits.copy(user, id, form), () -> "vsoko/framework-form");
    }

    @GetMapping("/vsoko/frameworks/{id}/edit")
    @PreAuthorize("hasRole('REGION')")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        FrameworkView framework = frameworks.editable(user, id);
        model.addAttribute("framework", framework);
        model.addAttribute("form", FrameworkForm.of(framework));
        return "vsoko/framework-form";
    }

    @PostMapping("/vsoko/frameworks/{id}")
    @PreAuthorize("hasRole('REGION')")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("form") FrameworkForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        model.addAttribute("framework", frameworks.full(user.scope(), id));
        return save(errors, redirect, "Изменения сохранены", () -> edits.update(user, id, form),
                () -> "vsoko/framework-form");
    }

    // ---- directions

    @GetMapping("/vsoko/frameworks/{id}/directions/new")
    @PreAuthorize("hasRole('REGION')")
    String newDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        FrameworkView framework = frameworks.editable(user, id);
        DirectionForm form = new DirectionForm();
        form.setCode(String.valueOf(framework.directions().size() + 1));
        model.addAttribute("framework", framework);
        model.addAttribute("form", form);
        return "vsoko/framework-direction-form";
    }

    @PostMapping("/vsoko/frameworks/{id}/directions")
    @PreAuthorize("hasRole('REGION')")
    String addDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @ModelAttribute("form") DirectionForm form, BindingResult errors, Model model,
                        RedirectAttributes redirect) {
        model.addAttribute("framework", frameworks.full(user.scope(), id));
        return save(errors, redirect, "Направление добавлено", () -> {
            edits.addDirection(user, id, form);
            return id;
        }, () -> "vsoko/framework-direction-form");
    }

    @GetMapping("/vsoko/frameworks/{id}/directions/{directionId}/edit")
    @PreAuthorize("hasRole('REGION')")
    String editDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId,
                         Model model) {
        FrameworkView framework = frameworks.editable(user, id);
        FrameworkView.DirectionView direction = framework.direction(directionId);
        model.addAttribute("framework", framework);
        model.addAttribute("direction", direction);
        model.addAttribute("form", DirectionForm.of(direction));
        return "vsoko/framework-direction-form";
    }

    @PostMapping("/vsoko/frameworks/{id}/directions/{directionId}")
    @PreAuthorize("hasRole('REGION')")
    String updateDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId,
                           @ModelAttribute("form") DirectionForm form, BindingResult errors, Model model,
                           RedirectAttributes redirect) {
        FrameworkView framework = frameworks.full(user.scope(), id);
        model.addAttribute("framework", framework);
        model.addAttribute("direction", framework.direction(directionId));
        return save(errors, redirect, "Направление изменено", () -> {
            edits.updateDirection(user, id, directionId, form);
            return id;
        }, () -> "vsoko/framework-direction-form");
    }

    @PostMapping("/vsoko/frameworks/{id}/directions/{directionId}/delete")
    @PreAuthorize("hasRole('REGION')")
    String deleteDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId,
                           @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "Направление удалено вместе с его показателями",
                () -> edits.deleteDirection(user, id, directionId, version));
    }

    // ---- indicators

    @GetMapping("/vsoko/frameworks/{id}/directions/{directionId}/indicators/new")
    @PreAuthorize("hasRole('REGION')")
    String newIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId,
                        Model model) {
        FrameworkView framework = frameworks.editable(user, id);
        FrameworkView.DirectionView direction = framework.direction(directionId);
        IndicatorForm form = new IndicatorForm();
        form.setCode(direction.code() + "." + String.format("%02d", direction.indicators().size() + 1));
        model.addAttribute("framework", framework);
        model.addAttribute("direction", direction);
        model.addAttribute("form", form);
        return "vsoko/framework-indicator-form";
    }

    @PostMapping("/vsoko/frameworks/{id}/directions/{directionId}/indicators")
    @PreAuthorize("hasRole('REGION')")
    String addIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId,
                        @ModelAttribute("form") IndicatorForm form, BindingResult errors, Model model,
                        RedirectAttributes redirect) {
        FrameworkView framework = frameworks.full(user.scope(), id);
        model.addAttribute("framework", framework);
        model.addAttribute("direction", framework.direction(directionId));
        return save(errors, redirect, "Показатель добавлен", () -> {
            edits.addIndicator(user, id, directionId, form);
            return id;
        }, () -> "vsoko/framework-indicator-form");
    }

    @GetMapping("/vsoko/frameworks/{id}/indicators/{indicatorId}/edit")
    @PreAuthorize("hasRole('REGION')")
    String editIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long indicatorId,
                         Model model) {
        FrameworkView framework = frameworks.editable(user, id);
        FrameworkView.IndicatorView indicator = framework.indicator(indicatorId);
        model.addAttribute("framework", framework);
        model.addAttribute("direction", framework.direction(indicator.directionId()));
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", IndicatorForm.of(indicator));
        return "vsoko/framework-indicator-form";
    }

    @PostMapping("/vsoko/frameworks/{id}/indicators/{indicatorId}")
    @PreAuthorize("hasRole('REGION')")
    String updateIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long indicatorId,
                           @ModelAttribute("form") IndicatorForm form, BindingResult errors, Model model,
                           RedirectAttributes redirect) {
        FrameworkView framework = frameworks.full(user.scope(), id);
        FrameworkView.IndicatorView indicator = framework.indicator(indicatorId);
        model.addAttribute("framework", framework);
        model.addAttribute("direction", framework.direction(indicator.directionId()));
        model.addAttribute("indicator", indicator);
        return save(errors, redirect, "Показатель изменён", () -> {
            edits.updateIndicator(user, id, indicatorId, form);
            return id;
        }, () -> "vsoko/framework-indicator-form");
    }

    @PostMapping("/vsoko/frameworks/{id}/indicators/{indicatorId}/delete")
    @PreAuthorize("hasRole('REGION')")
    String deleteIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long indicatorId,
                           @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "Показатель удалён", () -> edits.deleteIndicator(user, id, indicatorId, version));
    }

    /** Runs a change from a form; a broken rule or a stale version goes back onto the form. */
    private static String save(BindingResult errors, RedirectAttributes redirect, String message, Supplier<Long> change,
                               Supplier<String> view) {
        try {
            long id = change.get();
            redirect.addFlashAttribute("message", message);
            return "redirect:/vsoko/frameworks/" + id;
        } catch (RuleViolationException e) {
            FormErrors.reject(errors, e);
        } catch (ConcurrentEditException e) {
            errors.reject("conflict", e.getMessage());
        }
        return view.get();
    }

    /** A change by a button on the card; what went wrong is shown on the card. */
    private static String act(long id, RedirectAttributes redirect, String message, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", message);
        } catch (RuleViolationException | ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/vsoko/frameworks/" + id;
    }
}
