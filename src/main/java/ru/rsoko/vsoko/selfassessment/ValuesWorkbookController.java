package ru.rsoko.vsoko.selfassessment;

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
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.vsoko.campaign.CampaignView;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Indicator values in and out of Excel: the campaign's template with what the user may fill in now, and its upload.
 * Those who fill in self-assessments (schools, municipalities, regional staff) use it; a campaign outside the user's
 * scope is not found.
 */
@Controller
@PreAuthorize("hasAnyRole('SCHOOL', 'MUNICIPALITY', 'REGION')")
class ValuesWorkbookController {

    private static final String ERRORS = "vsokoValuesImportErrors";

    private final ValuesWorkbookService workbooks;
    private final ValuesImportService imports;

    ValuesWorkbookController(ValuesWorkbookService workbooks, ValuesImportService imports) {
        this.workbooks = workbooks;
        this.imports = imports;
    }

    @GetMapping("/vsoko/campaigns/{id}/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        CampaignView campaign = workbooks.campaign(user, id);
        workbooks.template(user, id, XlsxDownload.start(response, "Значения ВСОКО — " + campaign.name() + ".xlsx"));
    }

    @GetMapping("/vsoko/campaigns/{id}/upload")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("campaign", workbooks.campaign(user, id));
        return "vsoko/upload";
    }

    @PostMapping("/vsoko/campaigns/{id}/upload")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model) throws IOException {
        model.addAttribute("campaign", workbooks.campaign(user, id));
        RefusedUploads.forget(session, ERRORS + id);
        if (file == null || file.isEmpty()) {
            List<ImportError> errors = RefusedUploads.missingFile(file);
            model.addAttribute("errors", errors);
            RefusedUploads.keep(session, ERRORS + id, errors);
            return "vsoko/upload";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("summary", imports.upload(user, id, in));
        } catch (ImportRejectedException e) {
            model.addAttribute("errors", e.errors());
            RefusedUploads.keep(session, ERRORS + id, e.errors());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "vsoko/upload";
    }

    /** The errors of the last refused upload to the campaign; without one back to the page. */
    @GetMapping("/vsoko/campaigns/{id}/upload/errors.xlsx")
    void errors(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
                HttpSession session, HttpServletResponse response) throws IOException {
        workbooks.campaign(user, id);
        RefusedUploads.download(request, session, response, ERRORS + id, "Ошибки загрузки значений ВСОКО.xlsx", "/vsoko/campaigns/" + id + "/upload");
    }
}
