package ru.rsoko.results.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
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
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.results.domain.ResultImportService;
import ru.rsoko.results.domain.ProcedureResultService;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Results in Excel: the template of the procedure's schools × grades × subjects, and its upload, all or nothing. */
@Controller
@PreAuthorize("hasRole('REGION')")
class ProcedureResultUploadController {

    private static final String ERRORS = "resultImportErrors";

    private final ProcedureResultService results;
    private final ResultImportService imports;

    ProcedureResultUploadController(ProcedureResultService results, ResultImportService imports) {
        this.results = results;
        this.imports = imports;
    }

    @GetMapping("/procedures/{id}/results/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Procedure procedure = results.procedure(user, id);
        imports.template(user, id, XlsxDownload.start(response, "Результаты — " + procedure.title() + ".xlsx"));
    }

    @GetMapping("/procedures/{id}/results/upload")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("procedure", results.procedure(user, id));
        return "results/upload";
    }

    @PostMapping("/procedures/{id}/results/upload")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
                  RedirectAttributes redirect) throws IOException {
        model.addAttribute("procedure", results.procedure(user, id));
        RefusedUploads.forget(session, ERRORS + id);
        if (file == null || file.isEmpty()) {
            List<ImportError> errors = RefusedUploads.missingFile(file);
            model.addAttribute("errors", errors);
            RefusedUploads.keep(session, ERRORS + id, errors);
            return "results/upload";
        }
        try (InputStream in = file.getInputStream()) {
            ProcedureResultService.Saved saved = imports.upload(user, id, in);
            redirect.addFlashAttribute("message", "Файл «" + file.getOriginalFilename() + "» загружен: строк с данными — "
                    + saved.rows() + "; добавлено — " + saved.created() + ", изменено — " + saved.changed()
                    + ", без изменений — " + (saved.rows() - saved.created() - saved.changed()) + ".");
            return "redirect:/results?procedureId=" + id;
        } catch (ImportRejectedException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("fileName", file.getOriginalFilename());
            RefusedUploads.keep(session, ERRORS + id, e.errors());
            return "results/upload";
        }
    }

    @GetMapping("/procedures/{id}/results/upload/errors.xlsx")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
                HttpSession session, HttpServletResponse response) throws IOException {
        results.procedure(user, id);
        RefusedUploads.download(request, session, response, ERRORS + id, "Ошибки загрузки результатов.xlsx",
                "/procedures/" + id + "/results/upload");
    }
}
