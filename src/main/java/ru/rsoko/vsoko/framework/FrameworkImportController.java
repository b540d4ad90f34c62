package ru.rsoko.vsoko.framework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Year;
import java.util.List;

/** A new framework from a workbook of the export's layout: regional staff only. */
@Controller
@PreAuthorize("hasRole('REGION')")
class FrameworkImportController {

    private static final String ERRORS = "frameworkImportErrors";

    private final FrameworkImportService imports;

    FrameworkImportController(FrameworkImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/vsoko/frameworks/import")
    String form(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("year", String.valueOf(Year.now().getValue()));
        return "vsoko/framework-import";
    }

    @PostMapping("/vsoko/frameworks/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String year, @RequestParam(required = false) MultipartFile file,
                  HttpSession session, Model model, RedirectAttributes redirect) throws IOException {
        model.addAttribute("name", name);
        model.addAttribute("year", year);
        RefusedUploads.forget(session, ERRORS);
        List<ImportError> errors;
        if (file == null || file.isEmpty()) {
            errors = RefusedUploads.missingFile(file);
        } else {
            try (InputStream in = file.getInputStream()) {
                FrameworkView created = imports.importWorkbook(user, name, year, in);
                redirect.addFlashAttribute("message", "Набор показателей «" + created.name() + "» загружен из файла «"
                        + file.getOriginalFilename() + "»");
                return "redirect:/vsoko/frameworks/" + created.id();
            } catch (ImportRejectedException e) {
                errors = e.errors();
            } catch (RuleViolationException e) {
                errors = List.of(new ImportError(null, e.field() == null ? null : "year".equals(e.field()) ? "Год" : "Название",
                        e.getMessage()));
            }
            model.addAttribute("fileName", file.getOriginalFilename());
        }
        model.addAttribute("errors", errors);
        RefusedUploads.keep(session, ERRORS, errors);
        return "vsoko/framework-import";
    }

    @GetMapping("/vsoko/frameworks/import/errors.xlsx")
    void errors(HttpServletRequest request, HttpSession session, HttpServletResponse response) throws IOException {
        RefusedUploads.download(request, session, response, ERRORS, "Ошибки загрузки набора показателей.xlsx", "/vsoko/frameworks/import");
    }
}
