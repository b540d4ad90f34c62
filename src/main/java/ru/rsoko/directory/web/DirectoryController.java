package ru.rsoko.directory.web;

import ru.rsoko.directory.domain.OrgUnitService;

import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.SchoolCardParts;
import ru.rsoko.directory.domain.DirectoryExcel;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.domain.PupilsService;
import ru.rsoko.directory.SchoolYear;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
import ru.rsoko.access.Scope;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.FormErrors;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.web.RussianTimeZones;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.util.List;

/** The directory as people use it: lists, an organisation's card, and the administrator's forms. */
@Controller
class DirectoryController {

    private static final int PAGE_SIZE = 50;

    private final OrgUnitService directory;
    private final PupilsService pupils;
    private final Formats formats;
    private final List<SchoolCardParts> cardParts;

    DirectoryController(OrgUnitService directory, PupilsService pupils, Formats formats, List<SchoolCardParts> cardParts) {
        this.cardParts = cardParts;
        this.directory = directory;
        this.pupils = pupils;
        this.formats = formats;
    }

    @ModelAttribute("types")
    OrgUnitType[] types() {
        return OrgUnitType.values();
    }

    @GetMapping("/directory")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        Scope scope = user.scope();
        Page<OrgUnit> units = directory.find(scope, filter.toFilter(), PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("units", units);
        if (Partials.isSwap(htmx)) {
            return "directory/list :: results";
        }
        model.addAttribute("regions", directory.regions(scope));
        if (user.regionId() != null) {
            model.addAttribute("parents", directory.parentsInRegion(scope, user.regionId()));
        }
        return "directory/list";
    }

    @GetMapping("/directory.xlsx")
    void exportList(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                    HttpServletResponse response) throws IOException {
        DirectoryExcel.exportTable(formats).write(XlsxDownload.start(response, "Справочник организаций.xlsx"),
                sink -> directory.forEach(user.scope(), filter.toFilter(), sink));
    }

    /** Organisations matching typed text, for pickers in forms (htmx). */
    @GetMapping("/directory/picker")
    String picker(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
                  @RequestParam(required = false) OrgUnitType type, Model model) {
        model.addAttribute("units", q == null || q.isBlank() ? List.of()
                : directory.find(user.scope(), new OrgUnitFilter(type, null, q, true), PageRequest.of(0, 20)).getContent());
        return "fragments/orgpicker :: results";
    }

    @GetMapping("/directory/{id}/municipalities.xlsx")
    void exportMunicipalities(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                              HttpServletResponse response) throws IOException {
        OrgUnit region = directory.get(user.scope(), id);
        XlsxTable.of("Муниципалитеты", MunicipalitySummary.class)
                .column("Муниципалитет", 50, MunicipalitySummary::name)
                .column("Школ", 10, MunicipalitySummary::schools)
                .column("Активен", 10, MunicipalitySummary::active)
                .write(XlsxDownload.start(response, "Муниципалитеты — " + region.name() + ".xlsx"),
                        directory.municipalitiesOf(user.scope(), id));
    }

    @GetMapping("/directory/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @ModelAttribute("filter") ListFilter filter, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String schoolYear, HtmxRequest htmx, Model model) {
        Scope scope = user.scope();
        OrgUnit unit = directory.get(scope, id);
        model.addAttribute("unit", unit);
        model.addAttribute("children", directory.find(scope, filter.toFilter().withParent(id),
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        if (Partials.isSwap(htmx)) {
            return "directory/card :: results";
        }
        model.addAttribute("path", directory.path(unit.id()));
        SchoolYear year = SchoolPupilsController.year(schoolYear, pupils.currentYear(user));
        model.addAttribute("schoolYear", year);
        model.addAttribute("currentSchoolYear", pupils.currentYear(user));
        if (unit.type().isSchool()) {
            PupilsService.SchoolPupils table = pupils.school(user, id, year);
            model.addAttribute("pupils", table);
            if (!model.containsAttribute("pupilsForm")) {
                model.addAttribute("pupilsForm", PupilsForm.of(table));
            }
            model.addAttribute("pupilsHistory", pupils.history(scope, id, year));
            // what other modules show on the card, read now rather than by the template while it renders
            cardParts.forEach(part -> model.addAllAttributes(part.read(user, id)));
        }
        if (user.is(Role.ADMIN)) {
            model.addAttribute("history", directory.history(scope, id));
        }
        return "directory/card";
    }

    @GetMapping("/directory/{id}.xlsx")
    void exportChildren(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @ModelAttribute("filter") ListFilter filter, HttpServletResponse response) throws IOException {
        OrgUnit unit = directory.get(user.scope(), id);
        DirectoryExcel.exportTable(formats).write(XlsxDownload.start(response, unit.displayName() + ".xlsx"),
                sink -> directory.forEach(user.scope(), filter.toFilter().withParent(id), sink));
    }

    @GetMapping("/directory/{id}/history.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    void exportHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        OrgUnit unit = directory.get(user.scope(), id);
        List<HistoryEntry> history = directory.history(user.scope(), id);
        HistoryTable.write(XlsxDownload.start(response, "История — " + unit.displayName() + ".xlsx"), history, formats);
    }

    // ---- administrator's forms

    @GetMapping("/directory/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long parentId,
                   @RequestParam(required = false) OrgUnitType type, Model model) {
        OrgUnitForm form = new OrgUnitForm();
        form.setParentId(parentId);
        form.setType(type);
        if (parentId != null) {
            directory.get(user.scope(), parentId);
        }
        return showForm(user, form, null, model);
    }

    @PostMapping("/directory")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") OrgUnitForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                OrgUnit created = directory.create(user.scope(), form);
                redirect.addFlashAttribute("message", "Организация «" + created.name() + "» создана");
                return "redirect:/directory/" + created.id();
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            }
        }
        return showForm(user, form, null, model);
    }

    @GetMapping("/directory/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        OrgUnit unit = directory.get(user.scope(), id);
        return showForm(user, OrgUnitForm.of(unit), unit, model);
    }

    @PostMapping("/directory/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @Valid @ModelAttribute("form") OrgUnitForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        OrgUnit unit = directory.get(user.scope(), id);
        form.setType(unit.type());
        if (!errors.hasErrors()) {
            try {
                OrgUnit updated = directory.update(user.scope(), id, form);
                redirect.addFlashAttribute("message", "Изменения сохранены");
                return "redirect:/directory/" + updated.id();
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        return showForm(user, form, unit, model);
    }

    @PostMapping("/directory/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version,
                      RedirectAttributes redirect) {
        return changeActive(user, id, false, version, redirect);
    }

    @PostMapping("/directory/{id}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version,
                    RedirectAttributes redirect) {
        return changeActive(user, id, true, version, redirect);
    }

    @PostMapping("/directory/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        OrgUnit unit = directory.get(user.scope(), id);
        Long parentId = unit.parentId();
        try {
            directory.delete(user.scope(), id);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/directory/" + id;
        }
        redirect.addFlashAttribute("message", "Организация «" + unit.name() + "» удалена");
        return parentId == null ? "redirect:/directory" : "redirect:/directory/" + parentId;
    }

    private String changeActive(CurrentUser user, long id, boolean active, Long version, RedirectAttributes redirect) {
        try {
            directory.setActive(user.scope(), id, active, version);
            redirect.addFlashAttribute("message", active ? "Организация снова активна" : "Организация деактивирована");
        } catch (RuleViolationException | ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/directory/" + id;
    }

    private String showForm(CurrentUser user, OrgUnitForm form, OrgUnit unit, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        model.addAttribute("zones", RussianTimeZones.all());
        Long regionId = unit != null ? unit.regionId()
                : form.getParentId() != null ? directory.get(user.scope(), form.getParentId()).regionId()
                : user.regionId();
        if (regionId != null) {
            model.addAttribute("parents", directory.parentsInRegion(user.scope(), regionId));
        }
        model.addAttribute("canCreateTopLevel", user.scope().isAll());
        return "directory/form";
    }

    /** Filters of a directory list as they come from the query string. */
    static class ListFilter {
        private OrgUnitType type;
        private Long parentId;
        private String q;
        private String status = "active";

        OrgUnitFilter toFilter() {
            Boolean active = switch (status == null ? "" : status) {
                case "inactive" -> false;
                case "all" -> null;
                default -> true;
            };
            return new OrgUnitFilter(type, parentId, q, active);
        }

        public OrgUnitType getType() {
            return type;
        }

        public void setType(OrgUnitType type) {
            this.type = type;
        }

        public Long getParentId() {
            return parentId;
        }

        public void setParentId(Long parentId) {
            this.parentId = parentId;
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }
}
