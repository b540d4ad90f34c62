package ru.rsoko.vsoko;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Campaign pages: the list, a campaign's card with its course and progress, the schools' submissions. */
@Controller
class CampaignController {

    private static final int PAGE_SIZE = 50;

    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final SubmissionQueries queries;
    private final FrameworkService frameworks;
    private final DirectoryService directory;

    CampaignController(CampaignService campaigns, SubmissionService submissions, SubmissionQueries queries,
                       FrameworkService frameworks, DirectoryService directory) {
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.queries = queries;
        this.frameworks = frameworks;
        this.directory = directory;
    }

    @GetMapping("/vsoko/campaigns")
    @Transactional(readOnly = true)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Campaign> list = campaigns.list(user);
        list.forEach(c -> c.getFramework().getName());
        model.addAttribute("campaigns", list);
        model.addAttribute("progress", list.stream().collect(java.util.stream.Collectors.toMap(Campaign::getId,
                c -> Totals.of(campaigns.progress(user, c)))));
        if (user.is(Role.SCHOOL)) {
            model.addAttribute("own", queries.ownStatuses(user.orgUnitId()));
        }
        return "vsoko/campaign-list";
    }

    @GetMapping("/vsoko/campaigns.xlsx")
    @Transactional(readOnly = true)
    void listXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        List<Campaign> list = campaigns.list(user);
        Map<Long, Totals> totals = list.stream().collect(java.util.stream.Collectors.toMap(Campaign::getId,
                c -> Totals.of(campaigns.progress(user, c))));
        XlsxTable<Campaign> table = XlsxTable.of("Кампании", Campaign.class)
                .column("Кампания", 50, Campaign::getName)
                .column("Год", 8, Campaign::getYear)
                .column("Учебный год", 14, Campaign::schoolYear)
                .column("Начало", 12, Campaign::getOpensOn)
                .column("Окончание", 12, Campaign::getClosesOn)
                .column("Состояние", 24, c -> c.getStatus().label())
                .column("Набор показателей", 50, c -> c.getFramework().getName())
                .column("Участников", 12, c -> totals.get(c.getId()).total())
                .column("Представили", 12, c -> totals.get(c.getId()).submitted());
        try (OutputStream out = XlsxDownload.start(response, "vsoko-campaigns.xlsx")) {
            table.zone(user.zone()).write(out, list);
        }
    }

    /** Participants and those who handed in, for a list line. */
    record Totals(long total, long submitted) {
        static Totals of(Map<SubmissionStatus, Long> progress) {
            return new Totals(progress.values().stream().mapToLong(Long::longValue).sum(), counted(progress));
        }
    }

    static long counted(Map<SubmissionStatus, Long> progress) {
        return progress.getOrDefault(SubmissionStatus.SUBMITTED, 0L) + progress.getOrDefault(SubmissionStatus.ACCEPTED, 0L);
    }

    // ---- create and edit (regional staff)

    @GetMapping("/vsoko/campaigns/new")
    @Transactional(readOnly = true)
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireRegion(user);
        CampaignPageForm form = new CampaignPageForm();
        int year = LocalDate.now(user.zone()).getYear();
        form.setYear(year);
        form.setName("Исследование эффективности ВСОКО, " + year);
        form.setOpensOn(LocalDate.of(year, 10, 1));
        form.setClosesOn(LocalDate.of(year, 10, 31));
        form.setAllSchools(true);
        frameworks.list(user.scope()).stream().findFirst().ifPresent(f -> form.setFrameworkId(f.getId()));
        return form(user, form, null, model);
    }

    @PostMapping("/vsoko/campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, CampaignPageForm form, Model model, RedirectAttributes redirect) {
        try {
            Campaign campaign = campaigns.create(user, form.toForm());
            redirect.addFlashAttribute("message", "Кампания создана: проверьте участников и откройте приём");
            return "redirect:/vsoko/campaigns/" + campaign.getId();
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e.getMessage());
            return form(user, form, null, model);
        }
    }

    @GetMapping("/vsoko/campaigns/{id}/edit")
    @Transactional(readOnly = true)
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(user, id);
        requireRegion(user);
        return form(user, CampaignPageForm.of(campaign, queries.participantIds(id)), campaign, model);
    }

    @PostMapping("/vsoko/campaigns/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, CampaignPageForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            campaigns.update(user, id, form.toForm());
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:/vsoko/campaigns/" + id;
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            model.addAttribute("error", e.getMessage());
            return form(user, form, campaigns.get(user, id), model);
        }
    }

    private String form(CurrentUser user, CampaignPageForm form, Campaign campaign, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("frameworks", frameworks.options(user.scope()));
        model.addAttribute("schools", queries.schoolsOfRegion(campaign != null ? campaign.getRegionId() : user.regionId()));
        return "vsoko/campaign-form";
    }

    @PostMapping("/vsoko/campaigns/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam CampaignStatus to,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            campaigns.changeStatus(user, id, to, version);
            redirect.addFlashAttribute("message", "Кампания: " + to.label());
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/vsoko/campaigns/" + id;
    }

    // ---- the card and the schools' submissions

    @GetMapping("/vsoko/campaigns/{id}")
    @Transactional(readOnly = true)
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(user, id);
        if (user.is(Role.SCHOOL)) {
            return "redirect:/vsoko/campaigns/" + id + "/submissions/" + user.orgUnitId();
        }
        FrameworkService.loadForPage(campaign.getFramework());
        model.addAttribute("campaign", campaign);
        model.addAttribute("framework", campaign.getFramework());
        model.addAttribute("indicatorCount", campaign.getFramework().indicatorCount());
        model.addAttribute("progress", campaigns.progress(user, campaign));
        model.addAttribute("byMunicipality", campaigns.progressByMunicipality(user, campaign));
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("canManage", user.is(Role.REGION));
        return "vsoko/campaign-card";
    }

    @GetMapping("/vsoko/campaigns/{id}/progress.xlsx")
    @Transactional(readOnly = true)
    void progressXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Campaign campaign = campaigns.get(user, id);
        XlsxTable<CampaignService.MunicipalityProgress> table = XlsxTable.of("По муниципалитетам", CampaignService.MunicipalityProgress.class)
                .column("Муниципалитет", 36, CampaignService.MunicipalityProgress::name)
                .column("Школ", 10, CampaignService.MunicipalityProgress::total);
        for (SubmissionStatus status : SubmissionStatus.values()) {
            table.column(status.label(), 16, m -> m.count(status));
        }
        try (OutputStream out = XlsxDownload.start(response, "vsoko-progress-" + id + ".xlsx")) {
            table.zone(user.zone()).write(out, campaigns.progressByMunicipality(user, campaign));
        }
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions")
    @Transactional(readOnly = true)
    String submissionList(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @RequestParam(required = false) Long municipalityId,
                          @RequestParam(required = false) SubmissionStatus status,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page, Model model) {
        Campaign campaign = campaigns.get(user, id);
        Page<SubmissionQueries.Row> rows = queries.rows(user, campaign, municipalityId, status, q,
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("campaign", campaign);
        model.addAttribute("indicatorCount", campaign.getFramework().indicatorCount());
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("municipalities", user.is(Role.REGION) ? campaigns.progressByMunicipality(user, campaign) : null);
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        return "vsoko/submission-list";
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions.xlsx")
    @Transactional(readOnly = true)
    void submissionListXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @RequestParam(required = false) Long municipalityId,
                            @RequestParam(required = false) SubmissionStatus status,
                            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Campaign campaign = campaigns.get(user, id);
        XlsxTable<SubmissionQueries.Row> table = XlsxTable.of("Самооценки", SubmissionQueries.Row.class)
                .column("Школа", 50, SubmissionQueries.Row::school)
                .column("Муниципалитет", 30, SubmissionQueries.Row::municipality)
                .column("Состояние", 22, r -> r.status().label())
                .column("Заполнено показателей", 14, SubmissionQueries.Row::filled)
                .column("Всего показателей", 14, r -> campaign.getFramework().indicatorCount())
                .column("Представлена", 18, SubmissionQueries.Row::submittedAt)
                .column("Комментарий при возврате", 50, SubmissionQueries.Row::returnComment);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-submissions-" + id + ".xlsx")) {
            table.zone(user.zone()).write(out, queries.rows(user, campaign, municipalityId, status, q,
                    PageRequest.of(0, 100_000)).getContent());
        }
    }

    private static void requireRegion(CurrentUser user) {
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Кампании ведут сотрудники региона");
        }
    }

    static void rejectedToFlash(ImportRejectedException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        redirect.addFlashAttribute("rowErrors", e.errors());
    }
}
