package ru.rsoko.participation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Participation pages of a procedure: coverage and observers for the user's scope (regional staff by municipality,
 * then a municipality's schools; a municipal officer their schools, those under the target first; a director their
 * school), each table as .xlsx; and a school's form with its history.
 */
@Controller
class ParticipationController {

    static final int PAGE_SIZE = 50;

    private final CoverageService coverage;
    private final ParticipationService participation;
    private final Formats formats;

    ParticipationController(CoverageService coverage, ParticipationService participation, Formats formats) {
        this.coverage = coverage;
        this.participation = participation;
        this.formats = formats;
    }

    enum View {MUNICIPALITIES, SCHOOLS, SCHOOL}

    private static View view(CurrentUser user, Long municipalityId) {
        if (user.is(Role.SCHOOL)) {
            return View.SCHOOL;
        }
        return CoverageService.seesMunicipalities(user) && municipalityId == null ? View.MUNICIPALITIES : View.SCHOOLS;
    }

    @GetMapping("/procedures/{id}/participation")
    @Transactional(readOnly = true)
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) Long municipalityId,
                @RequestParam(defaultValue = "false") boolean under,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Procedure procedure = coverage.procedure(user, id);
        View view = view(user, municipalityId);
        model.addAttribute("procedure", procedure);
        model.addAttribute("view", view.name());
        model.addAttribute("canEnter", ParticipationService.canEnter(user));
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("under", under);
        switch (view) {
            case MUNICIPALITIES -> model.addAttribute("byMunicipality", coverage.byMunicipality(user, procedure));
            case SCHOOLS -> {
                List<Coverage.School> all = coverage.schools(user, procedure, municipalityId);
                model.addAttribute("total", Coverage.Totals.of(municipalityId, null, all));
                List<Coverage.School> shown = under ? all.stream().filter(Coverage.School::underTarget).toList() : all;
                int from = Math.min(shown.size(), Math.max(0, page) * PAGE_SIZE);
                Page<Coverage.School> rows = new PageImpl<>(shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE)),
                        PageRequest.of(Math.max(0, page), PAGE_SIZE), shown.size());
                model.addAttribute("rows", rows);
                if (municipalityId != null) {
                    model.addAttribute("municipality", coverage.municipality(user, municipalityId));
                }
            }
            case SCHOOL -> {
                Optional<Coverage.School> own = coverage.schools(user, procedure, null).stream().findFirst();
                model.addAttribute("own", own.orElse(null));
                if (own.isPresent()) {
                    OrgUnit school = participation.school(user, procedure, own.get().schoolId());
                    model.addAttribute("grades", participation.grades(user, procedure, school));
                }
            }
        }
        return "participation/coverage";
    }

    @GetMapping("/procedures/{id}/participation.xlsx")
    @Transactional(readOnly = true)
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
              @RequestParam(required = false) Long municipalityId,
              @RequestParam(defaultValue = "false") boolean under, HttpServletResponse response) throws IOException {
        Procedure procedure = coverage.procedure(user, id);
        View view = view(user, municipalityId);
        switch (view) {
            case MUNICIPALITIES -> {
                CoverageService.ByMunicipality figures = coverage.byMunicipality(user, procedure);
                List<Coverage.Totals> lines = new java.util.ArrayList<>(figures.municipalities());
                lines.add(figures.total());
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
                List<Coverage.School> all = coverage.schools(user, procedure, municipalityId);
                List<Coverage.School> shown = under ? all.stream().filter(Coverage.School::underTarget).toList() : all;
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
                    table.zone(user.zone()).write(out, shown);
                }
            }
            case SCHOOL -> {
                List<ParticipationService.GradeLine> lines = coverage.schools(user, procedure, null).stream().findFirst()
                        .map(s -> participation.grades(user, procedure, participation.school(user, procedure, s.schoolId())))
                        .orElse(List.of());
                try (OutputStream out = XlsxDownload.start(response, "Участие ОО — процедура " + id + ".xlsx")) {
                    gradeTable().zone(user.zone()).write(out, lines);
                }
            }
        }
    }

    static XlsxTable<ParticipationService.GradeLine> gradeTable() {
        return XlsxTable.of("По классам", ParticipationService.GradeLine.class)
                .column("Класс", 8, ParticipationService.GradeLine::grade)
                .column("Обучающихся", 14, l -> l.stored() == null ? null : l.stored().pupils())
                .column("Участников", 14, l -> l.stored() == null ? null : l.stored().participants())
                .column("Охват, %", 10, ParticipationService.GradeLine::coverage)
                .column("Общественные наблюдатели", 14, l -> l.stored() == null ? null : l.stored().observers())
                .column("Примечание", 16, l -> l.stored() == null ? "нет данных" : null)
                .column("Изменено", 18, l -> l.stored() == null ? null : l.stored().updatedAt())
                .column("Кем", 18, l -> l.stored() == null ? null : l.stored().updatedBy());
    }

    // ---- one school's form

    @GetMapping("/procedures/{id}/participation/schools/{schoolId}")
    @Transactional(readOnly = true)
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId, Model model) {
        Procedure procedure = coverage.procedure(user, id);
        OrgUnit school = participation.school(user, procedure, schoolId);
        List<ParticipationService.GradeLine> grades = participation.grades(user, procedure, school);
        return form(user, procedure, school, grades, ParticipationForm.of(grades), model);
    }

    private String form(CurrentUser user, Procedure procedure, OrgUnit school, List<ParticipationService.GradeLine> grades,
                        ParticipationForm form, Model model) {
        model.addAttribute("procedure", procedure);
        model.addAttribute("school", school);
        model.addAttribute("grades", grades);
        model.addAttribute("form", form);
        model.addAttribute("figures", coverage.school(user, procedure, school.id()));
        model.addAttribute("canEnter", ParticipationService.canEnter(user));
        model.addAttribute("history", participation.history(user, procedure, school));
        return "participation/school";
    }

    @PostMapping("/procedures/{id}/participation/schools/{schoolId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @ModelAttribute("form") ParticipationForm form, Model model, RedirectAttributes redirect) {
        try {
            ParticipationWriter.Result result = participation.saveSchool(user, id, schoolId, form.toInput());
            redirect.addFlashAttribute("message", result.total() == 0 ? "Изменений нет: данные совпадают с сохранёнными"
                    : "Сохранено: классов добавлено — " + result.created() + ", изменено — " + result.changed());
            return "redirect:/procedures/" + id + "/participation/schools/" + schoolId;
        } catch (ImportRejectedException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rowErrors", e.errors());
            return reshow(user, id, schoolId, form, model);
        } catch (ConcurrentEditException e) {
            // show what is stored now, with the message: nothing of theirs was overwritten, nothing of the user's saved
            model.addAttribute("error", e.getMessage());
            Procedure procedure = coverage.procedure(user, id);
            OrgUnit school = participation.school(user, procedure, schoolId);
            List<ParticipationService.GradeLine> grades = participation.grades(user, procedure, school);
            return form(user, procedure, school, grades, ParticipationForm.of(grades), model);
        }
    }

    private String reshow(CurrentUser user, long id, long schoolId, ParticipationForm form, Model model) {
        Procedure procedure = coverage.procedure(user, id);
        OrgUnit school = participation.school(user, procedure, schoolId);
        return form(user, procedure, school, participation.grades(user, procedure, school), form, model);
    }

    @GetMapping("/procedures/{id}/participation/schools/{schoolId}/history.xlsx")
    @Transactional(readOnly = true)
    void history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                 HttpServletResponse response) throws IOException {
        Procedure procedure = coverage.procedure(user, id);
        OrgUnit school = participation.school(user, procedure, schoolId);
        try (OutputStream out = XlsxDownload.start(response, "История участия ОО " + schoolId + " — процедура " + id + ".xlsx")) {
            HistoryTable.write(out, participation.history(user, procedure, school), formats);
        }
    }
}
