package ru.rsoko.results.recheck;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import ru.rsoko.results.Subject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/** The region's re-checks: the year's list and report, the draw, a re-check with its experts, works and discrepancy. */
@Controller
class RecheckController {

    private static final String ERRORS = "recheckProtocolErrors";

    private final RecheckService rechecks;
    private final Formats formats;
    private final People people;

    RecheckController(RecheckService rechecks, Formats formats, People people) {
        this.rechecks = rechecks;
        this.formats = formats;
        this.people = people;
    }

    @GetMapping("/results/rechecks")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        RecheckService.ListPage page = rechecks.page(user, year);
        model.addAttribute("year", page.year());
        model.addAttribute("years", page.years());
        model.addAttribute("rechecks", page.rechecks());
        model.addAttribute("report", page.report());
        model.addAttribute("totals", RecheckDiscrepancies.totals(page.report()));
        model.addAttribute("canEdit", RecheckService.keeps(user));
        return "results/recheck/list";
    }

    @GetMapping("/results/rechecks.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                  HttpServletResponse response) throws IOException {
        int shown = year != null ? year : rechecks.defaultYear(user);
        List<RecheckDiscrepancies.Figure> report = rechecks.report(user, shown);
        try (OutputStream out = XlsxDownload.start(response, "Расхождения перепроверок " + shown + ".xlsx")) {
            discrepancyTable(true).write(out, report);
        }
    }

    static XlsxTable<RecheckDiscrepancies.Figure> discrepancyTable(boolean withRecheck) {
        XlsxTable<RecheckDiscrepancies.Figure> t = XlsxTable.of("Расхождения", RecheckDiscrepancies.Figure.class);
        if (withRecheck) {
            t.column("Перепроверка №", 12, RecheckDiscrepancies.Figure::recheckId);
        }
        return t.column("ОО", 40, RecheckDiscrepancies.Figure::schoolName)
                .column("Муниципалитет", 26, RecheckDiscrepancies.Figure::municipalityName)
                .column("Предмет", 20, f -> f.subject().label())
                .column("Класс", 8, RecheckDiscrepancies.Figure::grade)
                .column("Работ в выборке", 12, RecheckDiscrepancies.Figure::works)
                .column("Проверено", 12, RecheckDiscrepancies.Figure::checked)
                .column("Отметка эксперта отличается", 16, RecheckDiscrepancies.Figure::differs)
                .column("Доля расхождений, %", 14, f -> f.differsShare().percent())
                .column("Эксперт понизил", 12, RecheckDiscrepancies.Figure::lowered)
                .column("Эксперт повысил", 12, RecheckDiscrepancies.Figure::raised)
                .column("Средняя разница баллов (эксперт − ОО)", 18, RecheckDiscrepancies.Figure::meanScoreDifference);
    }

    // ---- the draw

    @GetMapping("/results/rechecks/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        RecheckService.requireKeeper(user);
        return form(user, new RecheckService.DrawForm(null, Subject.MATHEMATICS, 5, SampleRule.RANDOM, 5, 6, null), null, model);
    }

    @PostMapping("/results/rechecks")
    String draw(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long procedureId,
                @RequestParam(required = false) Subject subject, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) SampleRule rule, @RequestParam(required = false) Integer schools,
                @RequestParam(required = false) Integer worksPerSchool, @RequestParam(required = false) Long seed,
                Model model, RedirectAttributes redirect) {
        RecheckService.requireKeeper(user);
        RecheckService.DrawForm form = new RecheckService.DrawForm(procedureId, subject, grade, rule, schools, worksPerSchool, seed);
        try {
            long id = rechecks.draw(user, form);
            redirect.addFlashAttribute("message", "Выборка сформирована");
            return "redirect:/results/rechecks/" + id;
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(user, form, e, model);
        }
    }

    private String form(CurrentUser user, RecheckService.DrawForm form, RuleViolationException error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("procedures", rechecks.procedures(user));
        model.addAttribute("subjects", Subject.values());
        model.addAttribute("rules", SampleRule.values());
        if (error != null) {
            model.addAttribute("error", error.getMessage());
            model.addAttribute("errorField", error.field());
        }
        return "results/recheck/form";
    }

    // ---- one re-check

    @GetMapping("/results/rechecks/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        RecheckService.View recheck = rechecks.view(user, id);
        List<RecheckDiscrepancies.Figure> figures = rechecks.discrepancies(user, id);
        model.addAttribute("recheck", recheck);
        model.addAttribute("figures", figures);
        model.addAttribute("totals", RecheckDiscrepancies.totals(figures));
        model.addAttribute("canEdit", RecheckService.keeps(user));
        model.addAttribute("seesWorks", RecheckService.seesWorks(user));
        model.addAttribute("creator", people.of(List.of(recheck.createdBy())));
        if (RecheckService.seesWorks(user)) {
            List<RecheckService.ExpertRow> experts = rechecks.experts(user, id);
            model.addAttribute("experts", experts);
            model.addAttribute("works", rechecks.works(user, id));
        }
        return "results/recheck/show";
    }

    @GetMapping("/results/rechecks/{id}/discrepancies.xlsx")
    void discrepanciesXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        List<RecheckDiscrepancies.Figure> figures = rechecks.discrepancies(user, id);
        try (OutputStream out = XlsxDownload.start(response, "Расхождения перепроверки № " + id + ".xlsx")) {
            discrepancyTable(false).write(out, figures);
        }
    }

    @GetMapping("/results/rechecks/{id}/protocol.xlsx")
    void protocol(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        List<RecheckService.WorkRow> works = rechecks.works(user, id);
        try (OutputStream out = XlsxDownload.start(response, "Протокол перепроверки № " + id + ".xlsx")) {
            RecheckWorkbook.write(out, works);
        }
    }

    @PostMapping("/results/rechecks/{id}/experts")
    String addExpert(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestParam(required = false) String name, @RequestParam(required = false) String position,
                     RedirectAttributes redirect) {
        try {
            rechecks.addExpert(user, id, name, position);
            redirect.addFlashAttribute("message", "Эксперт добавлен");
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/results/rechecks/" + id + "#experts";
    }

    @PostMapping("/results/rechecks/{id}/experts/{expertId}/delete")
    String removeExpert(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long expertId,
                        RedirectAttributes redirect) {
        rechecks.removeExpert(user, id, expertId);
        redirect.addFlashAttribute("message", "Эксперт удалён; его работы остались без эксперта");
        return "redirect:/results/rechecks/" + id + "#experts";
    }

    @PostMapping("/results/rechecks/{id}/assign")
    String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            int changed = rechecks.assignEvenly(user, id);
            redirect.addFlashAttribute("message", "Работы распределены между экспертами поровну (по школам); изменено: " + changed);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/results/rechecks/" + id + "#works";
    }

    /** One work's row saved by htmx: the row again, with its new version, or with the refusal and the stored values. */
    @PostMapping("/results/rechecks/{id}/works/{workId}")
    String saveWork(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long workId,
                    @RequestParam(required = false) Long expertId, @RequestParam(required = false) String schoolScore,
                    @RequestParam(required = false) String schoolMark, @RequestParam(required = false) String expertScore,
                    @RequestParam(required = false) String expertMark, @RequestParam(required = false) Long version,
                    HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        String saved = null;
        String refused = null;
        try {
            RecheckService.Marks marks = new RecheckService.Marks(null, expertId, number(schoolScore, "Балл ОО"),
                    mark(schoolMark, "Отметка ОО"), number(expertScore, "Балл эксперта"), mark(expertMark, "Отметка эксперта"),
                    version);
            rechecks.saveWork(user, id, workId, marks);
            saved = "Сохранено";
        } catch (ConcurrentEditException e) {
            refused = ConcurrentEditException.FORM_MESSAGE;
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            refused = e.getMessage();
        }
        if (!htmx.isHtmxRequest()) {
            redirect.addFlashAttribute(saved != null ? "message" : "error", saved != null ? saved : refused);
            return "redirect:/results/rechecks/" + id + "#works";
        }
        model.addAttribute("recheck", rechecks.view(user, id));
        model.addAttribute("w", rechecks.work(user, id, workId));
        model.addAttribute("experts", rechecks.experts(user, id));
        model.addAttribute("canEdit", true);
        model.addAttribute("saved", saved);
        model.addAttribute("refused", refused);
        return "results/recheck/show :: workRow";
    }

    private static BigDecimal number(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw RuleViolationException.field(label, label + ": число от 0 до 999,99, а не «" + text.strip() + "»");
        }
    }

    private static Integer mark(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(2)) < 0 || n.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw RuleViolationException.field(label, label + ": 2, 3, 4 или 5, а не «" + text.strip() + "»");
        }
        return n.intValue();
    }

    @GetMapping("/results/rechecks/{id}/works/{workId}/history")
    String history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long workId, Model model) {
        model.addAttribute("recheck", rechecks.view(user, id));
        model.addAttribute("w", rechecks.work(user, id, workId));
        model.addAttribute("history", rechecks.history(user, id, workId));
        return "results/recheck/history";
    }

    @GetMapping("/results/rechecks/{id}/works/{workId}/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long workId,
                     HttpServletResponse response) throws IOException {
        RecheckService.WorkRow w = rechecks.work(user, id, workId);
        try (OutputStream out = XlsxDownload.start(response, "История работы " + w.code() + ".xlsx")) {
            HistoryTable.write(out, rechecks.history(user, id, workId), formats);
        }
    }

    @PostMapping("/results/rechecks/{id}/protocol")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
                  RedirectAttributes redirect) throws IOException {
        rechecks.view(user, id);
        RecheckService.requireKeeper(user);
        RefusedUploads.forget(session, ERRORS);
        List<ImportError> errors;
        if (file == null || file.isEmpty()) {
            errors = RefusedUploads.missingFile(file);
        } else {
            try (InputStream in = file.getInputStream()) {
                int saved = rechecks.upload(user, id, in);
                redirect.addFlashAttribute("message", "Протокол загружен: сохранено работ — " + saved);
                return "redirect:/results/rechecks/" + id + "#works";
            } catch (ImportRejectedException e) {
                errors = e.errors();
            } catch (ConcurrentEditException e) {
                errors = List.of(ImportError.ofFile(ConcurrentEditException.MESSAGE));
            }
        }
        RefusedUploads.keep(session, ERRORS, errors);
        model.addAttribute("errors", errors);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return show(user, id, model);
    }

    @GetMapping("/results/rechecks/{id}/protocol/errors.xlsx")
    void uploadErrors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
                      HttpSession session, HttpServletResponse response) throws IOException {
        rechecks.view(user, id);
        RecheckService.requireKeeper(user);
        RefusedUploads.download(request, session, response, ERRORS, "Ошибки протокола перепроверки.xlsx",
                "/results/rechecks/" + id);
    }
}
