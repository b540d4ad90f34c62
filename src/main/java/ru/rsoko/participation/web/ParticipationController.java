package ru.rsoko.participation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.participation.Coverage;
import ru.rsoko.participation.domain.CoveragePage;
import ru.rsoko.participation.domain.ParticipationForm;
import ru.rsoko.participation.domain.ParticipationPages;
import ru.rsoko.participation.domain.ParticipationService;
import ru.rsoko.participation.domain.Saved;
import ru.rsoko.participation.domain.SchoolPage;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Participation pages of a procedure: coverage and observers for the user's scope (regional staff by municipality,
 * then a municipality's schools; a municipal officer their schools, those under the target first; a director their
 * school), each table as .xlsx; and a school's form with its history.
 */
@Controller
class ParticipationController {

    private final ParticipationPages pages;
    private final ParticipationService participation;
    private final Formats formats;
    private final People people;

    ParticipationController(ParticipationPages pages, ParticipationService participation, Formats formats, People people) {
        this.people = people;
        this.pages = pages;
        this.participation = participation;
        this.formats = formats;
    }

    @GetMapping("/procedures/{id}/participation")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) Long municipalityId,
                @RequestParam(defaultValue = "false") boolean under,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CoveragePage coverage = pages.coverage(user, id, municipalityId, under, page);
        model.addAttribute("procedure", coverage.procedure());
        model.addAttribute("view", coverage.view());
        model.addAttribute("canEnter", ParticipationService.canEnter(user));
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("under", under);
        model.addAttribute("byMunicipality", coverage.byMunicipality());
        model.addAttribute("total", coverage.total());
        model.addAttribute("rows", coverage.rows());
        model.addAttribute("municipality", coverage.municipality());
        model.addAttribute("own", coverage.own());
        model.addAttribute("grades", coverage.grades());
        return "participation/coverage";
    }

    @GetMapping("/procedures/{id}/participation.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
              @RequestParam(required = false) Long municipalityId,
              @RequestParam(defaultValue = "false") boolean under, HttpServletResponse response) throws IOException {
        ParticipationPages.CoverageExport figures = pages.export(user, id, municipalityId, under);
        switch (figures.view()) {
            case MUNICIPALITIES -> {
                List<Coverage.Totals> lines = new ArrayList<>(figures.byMunicipality().municipalities());
                lines.add(figures.byMunicipality().total());
                XlsxTable<Coverage.Totals> table = XlsxTable.of("По муниципалитетам", Coverage.Totals.class)
                        .column("Муниципалитет", 40, Coverage.Totals::name)
                        .column("Обучающихся", 14, Coverage.Totals::pupils)
                        .column("Участников", 14, Coverage.Totals::participants)
                        .column("Охват, %", 10, Coverage.Totals::coverage)
                        .column("ОО", 8, Coverage.Totals::schools)
                        .column("ОО ниже целевого показателя", 16, Coverage.Totals::schoolsUnderTarget)
                        .column("ОО без данных", 12, Coverage.Totals::schoolsWithoutData)
                        .column("ОО с общественными наблюдателями", 18, Coverage.Totals::schoolsWithObservers);
                try (OutputStream out = XlsxDownload.start(response, "Участие по муниципалитетам — процедура " + id + ".xlsx")) {
                    table.zone(user.zone()).write(out, lines);
                }
            }
            case SCHOOLS -> {
                XlsxTable<Coverage.School> table = XlsxTable.of("По ОО", Coverage.School.class)
                        .column("ID ОО", 10, Coverage.School::schoolId)
                        .column("Муниципалитет", 30, Coverage.School::municipalityName)
                        .column("ОО", 45, Coverage.School::schoolName)
                        .column("Обучающихся", 14, Coverage.School::pupils)
                        .column("Участников", 14, Coverage.School::participants)
                        .column("Охват, %", 10, Coverage.School::coverage)
                        .column("Нет данных", 24, Coverage.School::missingText)
                        .column("Ниже целевого показателя", 14, Coverage.School::underTarget)
                        .column("Общественные наблюдатели", 14, Coverage.School::observers);
                try (OutputStream out = XlsxDownload.start(response, "Участие по ОО — процедура " + id + ".xlsx")) {
                    table.zone(user.zone()).write(out, figures.schools());
                }
            }
            case SCHOOL -> {
                try (OutputStream out = XlsxDownload.start(response, "Участие ОО — процедура " + id + ".xlsx")) {
                    gradeTable(people.of(figures.grades().stream()
                            .map(l -> l.stored() == null ? null : l.stored().updatedBy()).toList()))
                            .zone(user.zone()).write(out, figures.grades());
                }
            }
        }
    }

    static XlsxTable<ParticipationService.GradeLine> gradeTable(People.Names names) {
        return XlsxTable.of("По классам", ParticipationService.GradeLine.class)
                .column("Класс", 8, ParticipationService.GradeLine::grade)
                .column("Обучающихся", 14, l -> l.stored() == null ? null : l.stored().pupils())
                .column("Участников", 14, l -> l.stored() == null ? null : l.stored().participants())
                .column("Охват, %", 10, ParticipationService.GradeLine::coverage)
                .column("Общественные наблюдатели", 14, l -> l.stored() == null ? null : l.stored().observers())
                .column("Примечание", 16, l -> l.stored() == null ? "нет данных" : null)
                .column("Изменено", 18, l -> l.stored() == null ? null : l.stored().updatedAt())
                .column("Кем", 30, l -> l.stored() == null ? null : names.of(l.stored().updatedBy()))
                .column("Логин", 16, l -> l.stored() == null ? null : l.stored().updatedBy());
    }

    // ---- one school's form

    @GetMapping("/procedures/{id}/participation/schools/{schoolId}")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId, Model model) {
        SchoolPage page = pages.school(user, id, schoolId);
        return form(user, page, ParticipationForm.of(page.grades()), model);
    }

    private String form(CurrentUser user, SchoolPage page, ParticipationForm form, Model model) {
        model.addAttribute("procedure", page.procedure());
        model.addAttribute("school", page.school());
        model.addAttribute("grades", page.grades());
        model.addAttribute("form", form);
        model.addAttribute("figures", page.figures());
        model.addAttribute("canEnter", ParticipationService.canEnter(user));
        model.addAttribute("history", page.history());
        model.addAttribute("schoolYear", page.schoolYear());
        return "participation/school";
    }

    @PostMapping("/procedures/{id}/participation/schools/{schoolId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @ModelAttribute("form") ParticipationForm form, Model model, RedirectAttributes redirect) {
        try {
            Saved result = participation.saveSchool(user, id, schoolId, form.toInput());
            redirect.addFlashAttribute("message", result.total() == 0 ? "Изменений нет: данные совпадают с сохранёнными"
                    : "Сохранено: классов добавлено — " + result.created() + ", изменено — " + result.changed());
            return "redirect:/procedures/" + id + "/participation/schools/" + schoolId;
        } catch (ImportRejectedException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rowErrors", e.errors());
            return form(user, pages.school(user, id, schoolId), form, model);
        } catch (ConcurrentEditException e) {
            // show what is stored now, with the message: nothing of theirs was overwritten, nothing of the user's saved
            model.addAttribute("error", e.getMessage());
            SchoolPage page = pages.school(user, id, schoolId);
            return form(user, page, ParticipationForm.of(page.grades()), model);
        }
    }

    @GetMapping("/procedures/{id}/participation/schools/{schoolId}/history.xlsx")
    void history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                 HttpServletResponse response) throws IOException {
        var history = pages.history(user, id, schoolId);
        try (OutputStream out = XlsxDownload.start(response, "История участия ОО " + schoolId + " — процедура " + id + ".xlsx")) {
            HistoryTable.write(out, history, formats);
        }
    }
}
