package ru.rsoko.plan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.domain.PlanDocx;
import ru.rsoko.plan.domain.PlanImportService;
import ru.rsoko.plan.domain.PlanService;
import ru.rsoko.plan.domain.PlanWorkbook;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plan-schedule in files: the workbook and the order's appendix for everyone who sees the plan, and the
 * workbook loaded back, all or nothing, by regional staff.
 */
@Controller
class PlanFileController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String ERRORS = "planImportErrors";

    private final PlanAccess access;
    private final PlanService plans;
    private final PlanWorkbook workbook;
    private final PlanDocx docx;
    private final PlanImportService imports;

    PlanFileController(PlanAccess access, PlanService plans, PlanWorkbook workbook, PlanDocx docx, PlanImportService imports) {
        this.access = access;
        this.plans = plans;
        this.workbook = workbook;
        this.docx = docx;
        this.imports = imports;
    }

    @GetMapping("/plans/{id}.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        Plan plan = access.plan(user, id);
        workbook.write(user, id, XlsxDownload.start(response, PlanWorkbook.fileName(plan)));
    }

    @GetMapping("/plans/{id}.docx")
    void docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        Plan plan = access.plan(user, id);
        response.setContentType(DOCX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(PlanDocx.fileName(plan), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        docx.write(user, id, response.getOutputStream());
    }

    @GetMapping("/plans/{id}/import")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("plan", plans.kept(user, id));
        model.addAttribute("headers", PlanWorkbook.HEADERS);
        return "plan/import";
    }

    @PostMapping("/plans/{id}/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
                  RedirectAttributes redirect) throws IOException {
        Plan plan = plans.kept(user, id);
        RefusedUploads.forget(session, ERRORS);
        List<ImportError> errors;
        if (file == null || file.isEmpty()) {
            errors = RefusedUploads.missingFile(file);
        } else {
            try (InputStream in = file.getInputStream()) {
                PlanImportService.Summary summary = imports.importWorkbook(user, id, in);
                redirect.addFlashAttribute("message", summary.message());
                return "redirect:/plans/" + id;
            } catch (ImportRejectedException e) {
                errors = e.errors();
            }
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        model.addAttribute("plan", plan);
        model.addAttribute("headers", PlanWorkbook.HEADERS);
        model.addAttribute("errors", errors);
        RefusedUploads.keep(session, ERRORS, errors);
        return "plan/import";
    }

    /** The errors of the last refused upload; without one (a later upload went through) back to the page. */
    @GetMapping("/plans/{id}/import/errors.xlsx")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
                HttpSession session, HttpServletResponse response) throws IOException {
        plans.kept(user, id);
        RefusedUploads.download(request, session, response, ERRORS, "Ошибки загрузки плана-графика.xlsx", "/plans/" + id + "/import");
    }
}
