package ru.rsoko.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.domain.PupilsService;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Pupils per grade on an organisation's card: a school's grades for a school year, entered by its director, its
 * municipality's officers or regional staff, with their history; and the table of a school, a municipality's or a
 * region's schools as .xlsx.
 */
@Controller
class SchoolPupilsController {

    private final OrgUnitService directory;
    private final PupilsService pupils;
    private final Formats formats;

    SchoolPupilsController(OrgUnitService directory, PupilsService pupils, Formats formats) {
        this.directory = directory;
        this.pupils = pupils;
        this.formats = formats;
    }

    /** The school year asked for («2026-2027»), or the current one when none is. */
    static SchoolYear year(String text, SchoolYear current) {
        if (text == null || text.isBlank()) {
            return current;
        }
        return SchoolYear.parse(text).orElseThrow(() -> RuleViolationException.field("schoolYear",
                "Учебный год указывается как «" + current + "», а не «" + text.strip() + "»"));
    }

    @PostMapping("/directory/{id}/pupils")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @ModelAttribute("pupilsForm") PupilsForm form, RedirectAttributes redirect) {
        SchoolYear year = year(form.getSchoolYear(), pupils.currentYear(user));
        String back = UriComponentsBuilder.fromPath("/directory/{id}").queryParam("schoolYear", year.toString())
                .fragment("pupils").buildAndExpand(id).encode().toUriString();
        try {
            PupilsService.Saved saved = pupils.save(user, id, year, form.toInput());
            redirect.addFlashAttribute("message", saved.total() == 0
                    ? "Изменений нет: числа обучающихся совпадают с сохранёнными"
                    : "Контингент " + year + " сохранён: изменено " + Plurals.of(saved.total(), "класс", "класса", "классов"));
        } catch (ImportRejectedException e) {
            redirect.addFlashAttribute("pupilsError", e.getMessage());
            redirect.addFlashAttribute("pupilsErrors", e.errors());
            redirect.addFlashAttribute("pupilsForm", form);
        } catch (ConcurrentEditException e) {
            // the stored figures are shown again: nothing of theirs overwritten, nothing of the user's saved
            redirect.addFlashAttribute("pupilsError", e.getMessage());
        }
        return "redirect:" + back;
    }

    @GetMapping("/directory/{id}/pupils.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
              @RequestParam(required = false) String schoolYear, HttpServletResponse response) throws IOException {
        OrgUnit unit = directory.get(user.scope(), id);
        SchoolYear year = year(schoolYear, pupils.currentYear(user));
        if (unit.type().isSchool()) {
            PupilsService.SchoolPupils table = pupils.school(user, id, year);
            XlsxTable<PupilsService.GradeLine> sheet = XlsxTable.of("Контингент", PupilsService.GradeLine.class)
                    .column("Учебный год", 12, l -> year.toString())
                    .column("Класс", 8, PupilsService.GradeLine::grade)
                    .column("Обучающихся", 14, PupilsService.GradeLine::pupils)
                    .column("Изменено", 18, l -> l.stored() == null ? null : l.stored().updatedAt())
                    .column("Кем", 20, l -> l.stored() == null ? null : l.stored().updatedBy());
            try (OutputStream out = XlsxDownload.start(response, "Контингент " + year + " — " + unit.displayName() + ".xlsx")) {
                sheet.zone(formats.zone()).write(out, table.grades());
            }
            return;
        }
        XlsxTable<PupilsService.SchoolRow> sheet = XlsxTable.of("Контингент", PupilsService.SchoolRow.class)
                .column("ID", 10, PupilsService.SchoolRow::schoolId)
                .column("Школа", 45, PupilsService.SchoolRow::school)
                .column("Муниципалитет", 30, PupilsService.SchoolRow::municipality)
                .column("Учебный год", 12, r -> year.toString());
        for (int grade : PupilsService.GRADES) {
            sheet.column(grade + " класс", 9, r -> r.grade(grade));
        }
        sheet.column("Всего", 10, PupilsService.SchoolRow::total);
        try (OutputStream out = XlsxDownload.start(response, "Контингент " + year + " — " + unit.displayName() + ".xlsx")) {
            sheet.zone(formats.zone()).write(out, sink -> pupils.schools(user.scope(), id, year, sink));
        }
    }

    @GetMapping("/directory/{id}/pupils/history.xlsx")
    void history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(required = false) String schoolYear, HttpServletResponse response) throws IOException {
        SchoolYear year = year(schoolYear, pupils.currentYear(user));
        var history = pupils.history(user.scope(), id, year);
        OrgUnit unit = directory.get(user.scope(), id);
        HistoryTable.write(XlsxDownload.start(response, "История контингента " + year + " — " + unit.displayName() + ".xlsx"),
                history, formats);
    }
}
