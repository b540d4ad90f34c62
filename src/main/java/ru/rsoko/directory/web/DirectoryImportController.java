package ru.rsoko.directory.web;

import ru.rsoko.directory.domain.OrgUnitService;

import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.domain.DirectoryExcel;
import ru.rsoko.directory.domain.DirectoryImportService;

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
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.RefusedUploads;
import ru.rsoko.platform.spreadsheet.XlsxDownload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.directory.domain.PupilsService;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class DirectoryImportController {

    private static final String ERRORS = "directoryImportErrors";

    private final OrgUnitService directory;
    private final DirectoryImportService imports;
    private final PupilsService pupils;

    DirectoryImportController(OrgUnitService directory, DirectoryImportService imports, PupilsService pupils) {
        this.directory = directory;
        this.imports = imports;
        this.pupils = pupils;
    }

    @GetMapping("/directory/import")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long regionId, Model model) {
        model.addAttribute("regions", directory.regions(user.scope()));
        model.addAttribute("regionId", regionId != null ? regionId : user.regionId());
        return "directory/import";
    }

    @GetMapping("/directory/import/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, @RequestParam long regionId, HttpServletResponse response)
            throws IOException {
        OrgUnit region = directory.get(user.scope(), regionId);
        List<OrgUnit> parents = directory.parentsInRegion(user.scope(), regionId);
        SchoolYear year = pupils.currentYear(region.zone());
        List<PupilsService.SchoolRow> schools = new ArrayList<>();
        pupils.schools(user.scope(), regionId, year, schools::add);
        DirectoryExcel.template(XlsxDownload.start(response, "Шаблон справочника — " + region.name() + ".xlsx"),
                region, parents, year, schools);
    }

    @PostMapping("/directory/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam long regionId,
                  @RequestParam(required = false) MultipartFile file, HttpSession session, Model model) throws IOException {
        model.addAttribute("regions", directory.regions(user.scope()));
        model.addAttribute("regionId", regionId);
        RefusedUploads.forget(session, ERRORS);
        if (file == null || file.isEmpty()) {
            List<ImportError> errors = RefusedUploads.missingFile(file);
            model.addAttribute("errors", errors);
            RefusedUploads.keep(session, ERRORS, errors);
            return "directory/import";
        }
        try (InputStream in = file.getInputStream()) {
            DirectoryImportService.Summary summary = imports.importWorkbook(user.scope(), regionId, in);
            model.addAttribute("summary", summary);
        } catch (ImportRejectedException e) {
            model.addAttribute("errors", e.errors());
            RefusedUploads.keep(session, ERRORS, e.errors());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "directory/import";
    }

    /** The errors of the last refused upload; without one (a later upload went through) back to the page. */
    @GetMapping("/directory/import/errors.xlsx")
    void errors(HttpServletRequest request, HttpSession session, HttpServletResponse response) throws IOException {
        RefusedUploads.download(request, session, response, ERRORS, "Ошибки загрузки справочника.xlsx", "/directory/import");
    }
}
