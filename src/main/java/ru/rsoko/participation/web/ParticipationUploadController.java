package ru.rsoko.participation.web;

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
import ru.rsoko.participation.domain.ParticipationImportService;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Participation in Excel: the template of the user's participating schools × grades with what is stored, and its
 * upload, all or nothing. Those who enter participation use it (directors, municipal officers, regional staff).
 */
@Controller
@PreAuthorize("hasAnyRole('SCHOOL', 'MUNICIPALITY', 'REGION')")
class ParticipationUploadController {

    private static final String ERRORS = "participationImportErrors";

    private final PlanAccess plans;
    private final ParticipationImportService imports;

    ParticipationUploadController(PlanAccess plans, ParticipationImportService imports) {
        this.plans = plans;
        this.imports = imports;
    }

    @GetMapping("/procedures/{id}/participation/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Procedure procedure = plans.procedure(user, id);
        imports.template(user, id, XlsxDownload.start(response, "Участие — " + procedure.title() + ".xlsx"));
    }

    @GetMapping("/procedures/{id}/participation/upload")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("procedure", plans.procedure(user, id));
        return "participation/upload";
    }

    @PostMapping("/procedures/{id}/participation/upload")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
                  RedirectAttributes redirect) throws IOException {
        model.addAttribute("procedure", plans.procedure(user, id));
        RefusedUploads.forget(session, ERRORS + id);
        if (file == null || file.isEmpty()) {
            List<ImportError> errors = RefusedUploads.missingFile(file);
            model.addAttribute("errors", errors);
            RefusedUploads.keep(session, ERRORS + id, errors);
            return "participation/upload";
        }
        try (InputStream in = file.getInputStream()) {
            ParticipationImportService.Summary summary = imports.upload(user, id, in);
            redirect.addFlashAttribute("message", "Файл «" + file.getOriginalFilename() + "» загружен: строк с данными — "
                    + summary.rows() + " (ОО — " + summary.schools() + "); добавлено — " + summary.created()
                    + ", изменено — " + summary.changed() + ", без изменений — "
                    + (summary.rows() - summary.created() - summary.changed()) + ".");
            return "redirect:/procedures/" + id + "/participation";
        } catch (ImportRejectedException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("fileName", file.getOriginalFilename());
            RefusedUploads.keep(session, ERRORS + id, e.errors());
            return "participation/upload";
        }
    }

    /** The errors of the last refused upload to the procedure; without one back to the page. */
    @GetMapping("/procedures/{id}/participation/upload/errors.xlsx")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
                HttpSession session, HttpServletResponse response) throws IOException {
        plans.procedure(user, id);
        RefusedUploads.download(request, session, response, ERRORS + id, "Ошибки загрузки участия.xlsx", "/procedures/" + id + "/participation/upload");
    }
}
