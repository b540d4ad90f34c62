package ru.rsoko.objectivity.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import ru.rsoko.platform.web.Partials;

import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.domain.SchoolListService;
import ru.rsoko.objectivity.domain.SchoolListImportService;
import ru.rsoko.objectivity.domain.SchoolListWorkbook;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** The year's lists of schools: ШНОР and signs of non-objectivity. */
@Controller
class SchoolListController {

    private static final int PAGE_SIZE = 50;
    private static final String ERRORS = "schoolListImportErrors";

    private final SchoolListService lists;
    private final SchoolListImportService imports;
    private final DirectoryService directory;
    private final Formats formats;
    private final People people;

    SchoolListController(SchoolListService lists, SchoolListImportService imports, DirectoryService directory,
                         Formats formats, People people) {
        this.people = people;
        this.lists = lists;
        this.imports = imports;
        this.directory = directory;
        this.formats = formats;
    }

    @GetMapping("/school-lists")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) ListKind kind, @RequestParam(required = false) Long municipalityId,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        int shownYear = year != null ? year : lists.defaultYear(user);
        SchoolListService.Filter filter = new SchoolListService.Filter(shownYear, kind, municipalityId);
        Page<SchoolListService.Row> rows = lists.find(user, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("rows", rows);
        model.addAttribute("names", people.of(rows.map(SchoolListService.Row::createdBy).getContent()));
        model.addAttribute("year", shownYear);
        model.addAttribute("kind", kind);
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("canEdit", SchoolListService.keeps(user));
        model.addAttribute("xlsx", link("/school-lists.xlsx", shownYear, kind, municipalityId));
        if (Partials.isSwap(htmx)) {
            return "objectivity/list :: results";
        }
        model.addAttribute("years", lists.years(user));
        model.addAttribute("kinds", ListKind.values());
        model.addAttribute("municipalities", lists.municipalities(user));
        if (SchoolListService.keeps(user) && kind != null) {
            model.addAttribute("history", lists.history(user, shownYear, kind));
        }
        return "objectivity/list";
    }

    @GetMapping("/school-lists.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) ListKind kind, @RequestParam(required = false) Long municipalityId,
                  HttpServletResponse response) throws IOException {
        int shownYear = year != null ? year : lists.defaultYear(user);
        List<SchoolListService.Row> rows = lists.all(user, new SchoolListService.Filter(shownYear, kind, municipalityId));
        String name = "Списки школ " + shownYear + (kind == null ? "" : " — " + kind.label()) + ".xlsx";
        try (OutputStream out = XlsxDownload.start(response, name)) {
            table(people.of(rows.stream().map(SchoolListService.Row::createdBy).toList())).zone(formats.zone()).write(out, rows);
        }
    }

    static XlsxTable<SchoolListService.Row> table(People.Names names) {
        return XlsxTable.of("Списки школ", SchoolListService.Row.class)
                .column("Год", 8, SchoolListService.Row::year)
                .column("Вид списка", 26, r -> r.kind().label())
                .column(SchoolListWorkbook.ID, 10, SchoolListService.Row::schoolId)
                .column(SchoolListWorkbook.SCHOOL, 50, SchoolListService.Row::schoolName)
                .column(SchoolListWorkbook.MUNICIPALITY, 30, SchoolListService.Row::municipalityName)
                .column(SchoolListWorkbook.BASIS, 60, SchoolListService.Row::basis)
                .column("Внесено", 18, SchoolListService.Row::createdAt)
                .column("Кем", 30, r -> names.of(r.createdBy()))
                .column("Логин", 16, SchoolListService.Row::createdBy);
    }

    // ---- one entry (regional staff)

    @GetMapping("/school-lists/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) ListKind kind, Model model) {
        SchoolListService.requireKeeper(user);
        return form(new SchoolListService.Form(null, year != null ? year : lists.currentYear(user),
                kind != null ? kind : ListKind.LOW_RESULTS, null, null), null, null, null, model);
    }

    @PostMapping("/school-lists")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long schoolId,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) ListKind kind,
                  @RequestParam(required = false) String basis, Model model, RedirectAttributes redirect) {
        SchoolListService.Form form = new SchoolListService.Form(schoolId, year, kind, basis, null);
        try {
            SchoolListService.Row entry = lists.add(user, form);
            redirect.addFlashAttribute("message", "Школа добавлена в список");
            return "redirect:" + link("/school-lists", entry.year(), entry.kind(), null);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(form, null, school(user, schoolId), e, model);
        }
    }

    @GetMapping("/school-lists/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        SchoolListService.Row row = lists.row(user, id);
        SchoolListService.requireKeeper(user);
        return form(new SchoolListService.Form(row.schoolId(), row.year(), row.kind(), row.basis(), row.version()),
                row, null, null, model.addAttribute("history", lists.history(user, id)));
    }

    @PostMapping("/school-lists/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) ListKind kind,
                  @RequestParam(required = false) String basis, @RequestParam(required = false) Long version,
                  Model model, RedirectAttributes redirect) {
        SchoolListService.Row row = lists.row(user, id);
        SchoolListService.Form form = new SchoolListService.Form(row.schoolId(), year, kind, basis, version);
        try {
            SchoolListService.Row entry = lists.update(user, id, form);
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:" + link("/school-lists", entry.year(), entry.kind(), null);
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            model.addAttribute("history", lists.history(user, id));
            return form(form, row, null, e, model);
        }
    }

    @PostMapping("/school-lists/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        SchoolListService.Row row = lists.row(user, id);
        try {
            lists.delete(user, id, version);
            redirect.addFlashAttribute("message", "«" + row.schoolName() + "» убрана из списка «" + row.kind().label()
                    + "» " + row.year() + " года");
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + link("/school-lists", row.year(), row.kind(), null);
    }

    @GetMapping("/school-lists/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, @RequestParam ListKind kind,
                     HttpServletResponse response) throws IOException {
        SchoolListService.requireKeeper(user);
        try (OutputStream out = XlsxDownload.start(response, "История списка " + kind.label() + " " + year + ".xlsx")) {
            HistoryTable.write(out, lists.history(user, year, kind), formats);
        }
    }

    private String form(SchoolListService.Form form, SchoolListService.Row row, OrgUnit school, RuntimeException error,
                        Model model) {
        model.addAttribute("form", form);
        model.addAttribute("row", row);
        model.addAttribute("school", school);
        model.addAttribute("kinds", ListKind.values());
        if (error != null) {
            model.addAttribute("error", error.getMessage());
            model.addAttribute("errorField", error instanceof RuleViolationException r ? r.field() : null);
        }
        return "objectivity/form";
    }

    private OrgUnit school(CurrentUser user, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return directory.get(user.scope(), id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- upload of a whole list (regional staff)

    @GetMapping("/school-lists/upload")
    String uploadForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) ListKind kind, Model model) {
        SchoolListService.requireKeeper(user);
        return uploadPage(model, year != null ? year : lists.currentYear(user), kind != null ? kind : ListKind.LOW_RESULTS,
                lists.years(user));
    }

    @GetMapping("/school-lists/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) ListKind kind, HttpServletResponse response) throws IOException {
        SchoolListService.requireKeeper(user);
        int y = year != null ? year : lists.currentYear(user);
        ListKind k = kind != null ? kind : ListKind.LOW_RESULTS;
        List<SchoolListService.Row> current = lists.all(user, new SchoolListService.Filter(y, k, null));
        try (OutputStream out = XlsxDownload.start(response, "Список " + k.label() + " " + y + " — шаблон.xlsx")) {
            SchoolListWorkbook.template(out, k, current, imports.schoolsOfRegion(user.regionId()));
        }
    }

    @PostMapping("/school-lists/upload")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) ListKind kind, @RequestParam(required = false) MultipartFile file,
                  HttpSession session, Model model) throws IOException {
        SchoolListService.requireKeeper(user);
        int y = SchoolListService.year(year != null ? year : lists.currentYear(user));
        ListKind k = kind != null ? kind : ListKind.LOW_RESULTS;
        RefusedUploads.forget(session, ERRORS);
        List<ImportError> errors = null;
        if (file == null || file.isEmpty()) {
            errors = RefusedUploads.missingFile(file);
        } else {
            try (InputStream in = file.getInputStream()) {
                SchoolListService.Replaced replaced = imports.replace(user, y, k, in);
                model.addAttribute("replaced", replaced);
                model.addAttribute("fileName", file.getOriginalFilename());
            } catch (ImportRejectedException e) {
                errors = e.errors();
            }
        }
        if (errors != null) {
            model.addAttribute("errors", errors);
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            RefusedUploads.keep(session, ERRORS, errors);
        }
        return uploadPage(model, y, k, lists.years(user));
    }

    @GetMapping("/school-lists/upload/errors.xlsx")
    void errors(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpSession session,
                HttpServletResponse response) throws IOException {
        SchoolListService.requireKeeper(user);
        RefusedUploads.download(request, session, response, ERRORS, "Ошибки загрузки списка.xlsx", "/school-lists/upload");
    }

    private static String uploadPage(Model model, int year, ListKind kind, List<Integer> years) {
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ListKind.values());
        model.addAttribute("years", years);
        return "objectivity/upload";
    }

    static String link(String path, Integer year, ListKind kind, Long municipalityId) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (year != null) {
            b.queryParam("year", year);
        }
        if (kind != null) {
            b.queryParam("kind", kind.name());
        }
        if (municipalityId != null) {
            b.queryParam("municipalityId", municipalityId);
        }
        return b.build().toUriString();
    }

    static boolean isRegion(CurrentUser user) {
        return user.is(Role.REGION);
    }
}
